package org.wholecare.security;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One browser as the server sees it, for the sign-in tests: its own cookies, and the address it
 * comes from (sent as X-Forwarded-For, which the test profile's trusted-proxy setting honours).
 */
final class WebClient {

    private final int port;
    private final String address;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String forwardedProto;

    WebClient(int port, String address) {
        this.port = port;
        this.address = address;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    WebClient overHttps() {
        this.forwardedProto = "https";
        return this;
    }

    /** Posts the sign-in form as the sign-in page does; the answer's Location says how it went. */
    HttpResponse<String> signIn(String username, String password) {
        return signIn(username, password, "http://localhost:" + port);
    }

    HttpResponse<String> signIn(String username, String password, String origin) {
        return signIn("/login", username, password, origin);
    }

    /** The same post to another spelling of the address (the server may decode it to /login). */
    HttpResponse<String> signIn(String path, String username, String password, String origin) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(none: " + response.statusCode() + ")");
    }

    /** Signed in: sent on to the app rather than back to the sign-in page. */
    static boolean signedIn(HttpResponse<String> response) {
        return response.statusCode() == 302 && !location(response).contains("/login");
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address);
        if (forwardedProto != null) {
            builder.header("X-Forwarded-Proto", forwardedProto);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
