package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wholecare.platform.EmbeddedMariaDb;

/**
 * The packaged jar, started as someone installing Wholecare would start it: with nothing set it
 * refuses and says what it needs; with a real database it creates no accounts at all, and gives
 * the first administrator a single-use link to choose their own password.
 */
class ProductionStartIT {

    private static final Path JAR = Path.of(System.getProperty("wholecare.e2e.jar",
            "target/wholecare-0.1.0-SNAPSHOT.jar"));
    private static final Path WORK = Path.of(System.getProperty("wholecare.e2e.work-dir", "target/e2e"));

    private static ProcessBuilder jar(Map<String, String> environment, String... arguments) throws IOException {
        Files.createDirectories(WORK);
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // nothing inherited from the build's environment: a clean server
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("WHOLECARE_")
                || k.startsWith("STRIPE_"));
        builder.environment().putAll(environment);
        return builder;
    }

    @Test
    void withNoDatabaseItRefusesToStartAndSaysHowToGiveItOne() throws Exception {
        Path log = WORK.resolve("start-without-database.log");
        Process app = jar(Map.of()).redirectOutput(log.toFile()).start();
        assertThat(app.waitFor(3, TimeUnit.MINUTES)).as("stopped by itself").isTrue();
        String output = Files.readString(log);
        assertThat(app.exitValue()).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START", "Wholecare has no database: none is configured.",
                "SPRING_DATASOURCE_URL").doesNotContain("Started WholecareApplication", "Embedded MariaDB started");
    }

    @Test
    void onARealDatabaseItCreatesNoAccountsAndGivesTheFirstAdministratorALinkOnce() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(
                Path.of(System.getProperty("user.home"), ".wholecare", "mariadb", "base"),
                WORK.resolve("first-admin-db").toAbsolutePath(), 0, true, true, "32M",
                EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS))) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = WORK.resolve("first-admin.log");
            Process app = jar(Map.of("SPRING_DATASOURCE_URL", db.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", db.username(),
                    "SPRING_DATASOURCE_PASSWORD", db.password(), "WHOLECARE_PUBLIC_URL", "http://localhost:" + port,
                    "WHOLECARE_FIRST_ADMIN", "first.admin", "WHOLECARE_FIRST_ADMIN_NAME", "Alex First"),
                    "--server.port=" + port, "--management.server.port=0").redirectOutput(log.toFile()).start();
            try {
                waitUntilReady(app, port, log);
                String output = Files.readString(log);
                Matcher link = Pattern.compile("http://localhost:" + port + "/invitation/([A-Za-z0-9_-]{43})")
                        .matcher(output);
                assertThat(link.find()).as("a link in:\n" + output).isTrue();
                String token = link.group(1);
                assertThat(link.find()).as("printed once").isFalse();
                assertThat(output).contains("Alex First (username first.admin)")
                        .doesNotContain("wholecare-demo", "Northbrook");
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                    assertThat(rows(c, "SELECT CONCAT(username, ' ', role, ' ', password_hash IS NULL) FROM user_account"))
                            .containsExactly("first.admin ADMINISTRATOR 1");
                    assertThat(rows(c, "SELECT COUNT(*) FROM area")).containsExactly("0");
                    assertThat(rows(c, "SELECT CONCAT(used_at IS NULL, ' ', expires_at > NOW()) FROM invitation "
                            + "WHERE token_hash = '" + sha256(token) + "'")).containsExactly("1 1");
                }
                // the link's page answers (it is the one the administrator opens)
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/invitation/" + token)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
            } finally {
                app.destroy();
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    /**
     * The demo is loaded whole by the time the app says it is ready, whatever else the database
     * already holds: here another area, as a generated region would leave.
     */
    @Test
    void theDemoIsThereWholeWhenTheAppIsReadyEvenBesideAnotherArea() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(
                Path.of(System.getProperty("user.home"), ".wholecare", "mariadb", "base"),
                WORK.resolve("demo-beside-db").toAbsolutePath(), 0, true, true, "32M",
                EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS))) {
            Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", db.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", db.username(), "SPRING_DATASOURCE_PASSWORD", db.password(),
                    "WHOLECARE_FIRST_ADMIN", "first.admin", "WHOLECARE_FIRST_ADMIN_NAME", "Alex First");
            // a first start without the demo makes the tables; then another area appears
            int port = freePort();
            Path first = WORK.resolve("demo-beside-first.log");
            Process app = jar(with(database, "WHOLECARE_PUBLIC_URL", "http://localhost:" + port),
                    "--server.port=" + port, "--management.server.port=0").redirectOutput(first.toFile()).start();
            try {
                waitUntilReady(app, port, first);
            } finally {
                stop(app);
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                c.createStatement().executeUpdate("INSERT INTO area (name, created_at) VALUES ('Elsewhere', NOW())");
            }
            int demoPort = freePort();
            Path log = WORK.resolve("demo-beside.log");
            Process demo = jar(with(database, "WHOLECARE_PUBLIC_URL", "http://localhost:" + demoPort),
                    "--server.port=" + demoPort, "--management.server.port=0", "--spring.profiles.active=demo").redirectOutput(log.toFile()).start();
            try {
                waitUntilReady(demo, demoPort, log);
                // once ready, every demo person can sign in
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                    assertThat(rows(c, "SELECT username FROM user_account WHERE password_hash IS NOT NULL "
                            + "AND username IN ('holder', 'carer', 'holder2', 'broker', 'provider', 'physio', "
                            + "'daycentre', 'sunrise', 'commissioner', 'council', 'admin') ORDER BY username"))
                            .as("the demo's people, in:\n" + Files.readString(log)).hasSize(11);
                    assertThat(rows(c, "SELECT name FROM area ORDER BY name")).containsExactly("Elsewhere", "Northbrook");
                }
            } finally {
                stop(demo);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static void waitUntilReady(Process app, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(giveUp)) {
            assertThat(app.isAlive()).as("still running:\n" + Files.readString(log)).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready in 4 minutes:\n" + Files.readString(log));
    }
}
