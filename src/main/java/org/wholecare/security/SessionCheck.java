package org.wholecare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session at its very next request once its account has been disabled, or changed after the
 * session began (a new role or organisation, a new password). Asked of the database each time, so
 * it holds on every instance at once; it is one look-up by primary key.
 */
class SessionCheck extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    SessionCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // only the app's own unchanging files: downloads (statements) come through /VAADIN/dynamic and are checked
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/") || path.startsWith("/styles/")
                || path.startsWith("/images/") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user && ended(user)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            // Vaadin's own requests learn that the session has gone and reload into the sign-in page
            boolean vaadinRequest = request.getParameter("v-r") != null;
            if (!vaadinRequest && "GET".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean ended(SignedInUser user) {
        record State(@Nullable Timestamp disabledAt, @Nullable Timestamp validFrom) {
        }
        State state = jdbc.sql("SELECT disabled_at, sessions_valid_from FROM user_account WHERE id = ?")
                .param(user.accountId()).query((rs, n) -> new State(rs.getTimestamp(1), rs.getTimestamp(2)))
                .optional().orElse(null);
        if (state == null || state.disabledAt() != null) {
            return true;
        }
        Instant validFrom = state.validFrom() == null ? null : state.validFrom().toInstant();
        return validFrom != null && user.signedInAt().isBefore(validFrom);
    }
}
