package org.wholecare.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.wholecare.platform.EmbeddedMariaDb;

/**
 * The app the journeys drive: the packaged jar itself, started as a deployment would start it
 * (production mode, its own frontend bundle, no embedded server inside) on a MariaDB the tests start,
 * with the Northbrook demo switched on by its profile. Started once, at the first journey, and stopped
 * when the test JVM ends. {@code -Dwholecare.e2e.base-url=...} drives an app already running instead.
 */
final class JourneyApp {

    private static String baseUrl;
    /** The SMTP server the app sends to, so journeys read the emails people would get; none for an app run elsewhere. */
    private static com.icegreen.greenmail.util.GreenMail mail;

    /** The emails the app has sent, or null when the journeys drive an app they did not start. */
    static synchronized com.icegreen.greenmail.util.GreenMail mail() {
        baseUrl();
        return mail;
    }

    private JourneyApp() {
    }

    static synchronized String baseUrl() {
        String given = System.getProperty("wholecare.e2e.base-url");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (baseUrl == null) {
            try {
                baseUrl = start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the app for the journeys", e);
            }
        }
        return baseUrl;
    }

    private static String start() throws IOException {
        Path jar = Path.of(System.getProperty("wholecare.e2e.jar", "target/wholecare-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No packaged app at " + jar + ": the journeys run after mvn package");
        }
        Path work = Path.of(System.getProperty("wholecare.e2e.work-dir", "target/e2e")).toAbsolutePath();
        Files.createDirectories(work);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(
                Path.of(System.getProperty("user.home"), ".wholecare", "mariadb", "base"), work.resolve("db"), 0, true,
                true, "128M", EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            smtpPort = socket.getLocalPort();
        }
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtpPort,
                "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        mail.start();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = work.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--management.server.port=0", "--spring.profiles.active=demo",
                // every journey signs in from this one address: its wrong-try allowance (SignInProtectionIT
                // tests the real one) must not stand between one journey and the next
                "--wholecare.security.failed-sign-ins-per-minute=1000",
                // emails go to the server above, sent every second so a journey waits on them briefly
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--wholecare.email.from=Wholecare <no-reply@wholecare.test>", "--wholecare.email.delivery-interval=1s"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", db.username());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
        builder.environment().put("WHOLECARE_PUBLIC_URL", "http://localhost:" + port);
        Process app = builder.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            app.destroy();
            try {
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            } catch (InterruptedException e) {
                app.destroyForcibly();
            }
            db.close();
            mail.stop();
        }));
        String url = "http://localhost:" + port;
        waitUntilReady(app, url, log);
        return url;
    }

    /** Polls readiness (the app's own answer, not a fixed wait) until it says UP, or the app has died. */
    private static void waitUntilReady(Process app, String url, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(giveUp)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The app stopped while starting:\n" + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                        + "/readyz")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The app did not become ready within 5 minutes:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
