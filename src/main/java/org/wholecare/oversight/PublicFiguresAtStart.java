package org.wholecare.oversight;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wholecare.security.SystemActor;

/**
 * At the first start (after any demo or test area has loaded) there are no public figures yet:
 * they are worked out once, so the public page has something true to show before the first night.
 */
@Component
@Order(70)
class PublicFiguresAtStart implements ApplicationRunner {

    private final PublicFigures figures;

    PublicFiguresAtStart(PublicFigures figures) {
        this.figures = figures;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (figures.latest().isEmpty()) {
            SystemActor.asAdministrator(figures::workOut);
        }
    }
}
