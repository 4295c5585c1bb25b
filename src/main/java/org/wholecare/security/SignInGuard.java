package org.wholecare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the sign-in form's post. Another site cannot sign a person in as someone else
 * (login CSRF): the post must come from our own page, by its Origin (or, failing that, the
 * browser's Sec-Fetch-Site). And an address that has used its few tries this minute waits,
 * whichever username it tries next, without its password even being checked.
 */
public class SignInGuard extends OncePerRequestFilter {

    public static final String TOO_MANY = "tries";

    private final SignInThrottle throttle;
    private final String publicOrigin;

    SignInGuard(SignInThrottle throttle, @Value("${wholecare.public-url:}") String publicUrl) {
        this.throttle = throttle;
        this.publicOrigin = origin(publicUrl);
    }

    // the very matcher Spring Security finds the sign-in post with: it decodes the path, so
    // /%6cogin is /login here too (comparing the raw address let that past the guard)
    private static final org.springframework.security.web.util.matcher.RequestMatcher SIGN_IN =
            org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
                    .matcher(org.springframework.http.HttpMethod.POST, "/login");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!fromOurOwnPage(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign in on Wholecare's own sign-in page.");
            return;
        }
        if (!throttle.take(request)) {
            response.sendRedirect(request.getContextPath() + "/login?error&" + TOO_MANY);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean fromOurOwnPage(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.isBlank() && !"null".equals(origin)) {
            return origin.equalsIgnoreCase(ownOrigin(request)) || origin.equalsIgnoreCase(publicOrigin);
        }
        // browsers that leave Origin out still say where a request comes from
        String site = request.getHeader("Sec-Fetch-Site");
        return "same-origin".equals(site);
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(request.getScheme()) && port == 443)
                || ("http".equals(request.getScheme()) && port == 80);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static String origin(@Nullable String url) {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
