package org.wholecare.security;

import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.PASSWORD;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wholecare.IntegrationTest;

/** The headers every page carries, and the extra ones when a TLS proxy says the request came over HTTPS. */
@IntegrationTest
class SecurityHeadersIT {

    @LocalServerPort int port;

    @Test
    void everyPageSaysWhatTheBrowserMayLoadAndShare() {
        HttpResponse<String> page = new WebClient(port, "198.51.100.50").get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=()", "geolocation=()");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
    }

    @Test
    void behindATlsProxyPagesAskForHttpsAndTheSessionCookieIsSecure() {
        WebClient browser = new WebClient(port, "198.51.100.51").overHttps();
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).get().asString().startsWith("max-age=31536000");
        HttpResponse<String> signIn = browser.signIn(HOLDER, PASSWORD, "https://localhost");
        assertThat(signIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
        assertThat(WebClient.location(signIn)).doesNotContain("jsessionid").doesNotContain("/login");
    }

    @Test
    void aBodyLargerThanAnyPageSendsIsRefusedBeforeItIsRead() throws Exception {
        long twentyMegabytes = 20L * 1024 * 1024;
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
                            private long left = twentyMegabytes;

                            @Override
                            public int read() {
                                return left-- > 0 ? ' ' : -1;
                            }
                        }), twentyMegabytes)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }
}
