package org.wholecare.security;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.wholecare.shared.Roles;

/**
 * Runs start-up work (demo data) through the same secured services a person would use, as the
 * platform itself rather than by skipping the checks.
 */
public final class SystemActor {

    private SystemActor() {
    }

    /** Whether the work in hand is the platform's own (or an administrator's). */
    static boolean isAdministrator() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.ADMINISTRATOR).equals(a.getAuthority()));
    }

    public static <T extends @Nullable Object> T asAdministrator(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("wholecare-system", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMINISTRATOR))));
        // inside a person's click, Vaadin's context strategy reads the person from their session before
        // the thread's own: the session steps aside for the platform's work, and comes back after it
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null) {
            com.vaadin.flow.server.VaadinSession.setCurrent(null);
        }
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            if (session != null) {
                com.vaadin.flow.server.VaadinSession.setCurrent(session);
            }
        }
    }
}
