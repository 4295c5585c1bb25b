package org.wholecare;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Every page says who may open it; a page without an access annotation is a security bug. */
class ViewAccessAnnotationTest {

    @Test
    void everyRouteLayoutAndErrorViewDeclaresWhoMayOpenIt() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var candidate : scanner.findCandidateComponents("org.wholecare")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            checked++;
            if (!type.isAnnotationPresent(RolesAllowed.class) && !type.isAnnotationPresent(PermitAll.class)
                    && !type.isAnnotationPresent(AnonymousAllowed.class) && !type.isAnnotationPresent(DenyAll.class)) {
                missing.add(type.getName());
            }
        }
        assertThat(checked).as("views found").isGreaterThan(5);
        assertThat(missing).as("views without an access annotation").isEmpty();
    }

    @Test
    void onlyTheSignInInvitationProviderRegistrationNotFoundAndPublicFiguresPagesAreOpenToEveryone() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(AnonymousAllowed.class));
        List<String> anonymous = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.wholecare")) {
            anonymous.add(ClassUtils.getShortName(candidate.getBeanClassName()));
        }
        // the public comparison shows only figures worked out and published under the disclosure rules
        assertThat(anonymous).containsExactlyInAnyOrder("LoginView", "InvitationView", "NotFoundView",
                "ProviderRegistrationView", "AreasView", "AreaOverTimeView");
    }
}
