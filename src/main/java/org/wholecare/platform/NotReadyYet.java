package org.wholecare.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server listens before the app has finished starting (the demo's people, say, are still
 * being loaded), and stops being ready again while it shuts down. Until it is ready, every page
 * says so with 503 and a time to try again, instead of a sign-in page nobody can yet sign in to.
 * The readiness probe itself still answers, so a load balancer sees the same thing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NotReadyYet extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 10;
    private static final byte[] PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Wholecare is starting</title></head>
            <body><main><h1>Wholecare is starting</h1>
            <p>It will be ready in a minute or so. Nothing you have done is lost.</p>
            <p><a href="">Try again</a></p></main></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private final ApplicationAvailability availability;

    NotReadyYet(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/health") || path.equals("/livez") || path.equals("/readyz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(PAGE.length);
        response.getOutputStream().write(PAGE);
    }
}
