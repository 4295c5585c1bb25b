package org.wholecare.oversight;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works out the public figures every night, on one instance only: the cron fires on each at the
 * same moment, so the lock is held at least ten minutes, enough for one a little behind to find it.
 */
@Component
class PublicFiguresJob {

    private final PublicFigures figures;

    PublicFiguresJob(PublicFigures figures) {
        this.figures = figures;
    }

    @SchedulerLock(name = "public-figures-nightly", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
    @Scheduled(cron = "${wholecare.public-figures.cron:0 30 2 * * *}", zone = "Europe/London")
    public void nightly() {
        figures.nightly();
    }
}
