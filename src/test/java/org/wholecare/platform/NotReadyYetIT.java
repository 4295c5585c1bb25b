package org.wholecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.wholecare.IntegrationTest;

/**
 * While the app is not ready (still loading the demo at a first start, or shutting down) no page
 * answers as if it were: the sign-in page would take names that do not exist yet.
 */
@IntegrationTest
class NotReadyYetIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void untilTheAppIsReadyEveryPageSaysItIsStartingAndOnlyTheProbesAnswer() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            for (String path : new String[] {"/login", "/", "/budget", "/VAADIN/anything"}) {
                HttpResponse<String> starting = get(path);
                assertThat(starting.statusCode()).as(path).isEqualTo(503);
                assertThat(starting.headers().firstValue("Retry-After")).as(path).hasValue("10");
                assertThat(starting.body()).as(path).contains("<h1>Wholecare is starting</h1>")
                        .contains("Try again");
            }
            assertThat(get("/livez").statusCode()).isEqualTo(200);
            assertThat(get("/readyz").statusCode()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        HttpResponse<String> ready = get("/login");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).doesNotContain("Wholecare is starting");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
