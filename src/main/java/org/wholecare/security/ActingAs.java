package org.wholecare.security;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs start-up work (demo data, benchmarks) as a named person, through the same secured
 * services and checks they would meet when signed in. Never reachable from a request.
 */
@Component
public class ActingAs {

    private final UserDetailsService users;

    ActingAs(UserDetailsService users) {
        this.users = users;
    }

    public <T extends @Nullable Object> T run(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
