package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.wholecare.payment.StripeStub;
import org.wholecare.platform.EmbeddedMariaDb;

/**
 * Two instances of the packaged jar on one separately started MariaDB, as a region would run them
 * behind a load balancer: started together on an empty database, they make its tables and load the
 * demo once. While both send 200 payments, one is killed outright, then the database itself: the
 * other says it is not ready until the database is back, then serves on without a restart of its own;
 * the killed one comes back, and every payment is made exactly once.
 */
class TwoInstancesIT {

    private static final String METRICS_PASSWORD = "the scraper's password";
    private static final Path BASE = Path.of(System.getProperty("user.home"), ".wholecare", "mariadb", "base");

    @Test
    void twoInstancesShareOneDatabaseAndSurviveItsCrashAndTheirOwn() throws Exception {
        Path data = AppInstance.WORK.resolve("two-instances-db");
        EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(BASE, data, 0, true, false, "128M",
                EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS));
        StringBuilder figures = new StringBuilder();
        try (StripeStub stripe = new StripeStub()) {
            Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", db.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", db.username(), "SPRING_DATASOURCE_PASSWORD", db.password(),
                    "STRIPE_SECRET_KEY", "sk_test_stub", "STRIPE_API_BASE", stripe.url(),
                    "STRIPE_WEBHOOK_SECRET", "whsec_two_instances", "WHOLECARE_INSTANCES", "2",
                    "WHOLECARE_METRICS_PASSWORD", METRICS_PASSWORD);
            Map<String, String> jsonLogs = new java.util.HashMap<>(environment);
            jsonLogs.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            String[] arguments = {"--spring.profiles.active=demo", "--wholecare.payments.retry-every=2s"};
            try (AppInstance a = new AppInstance("instance-a", environment, arguments);
                    AppInstance b = new AppInstance("instance-b", jsonLogs, arguments)) {
                Files.deleteIfExists(a.log);
                Files.deleteIfExists(b.log);
                // at the same moment, on an empty database: one creates the tables, one loads the demo
                a.start();
                b.start();
                Duration readyA = a.awaitReady(Duration.ofMinutes(5));
                Duration readyB = b.awaitReady(Duration.ofMinutes(5));
                figures.append("First start of both together on an empty database (tables and demo): ")
                        .append(readyA.toMillis()).append(" ms and ").append(readyB.toMillis()).append(" ms\n");
                assertThat(count(db, "SELECT COUNT(*) FROM area WHERE name = 'Northbrook'")).isOne();
                assertThat(count(db, "SELECT COUNT(*) FROM user_account WHERE username = 'holder'")).isOne();
                for (AppInstance instance : List.of(a, b)) {
                    assertThat(instance.get(instance.url() + "/login", null).statusCode()).isEqualTo(200);
                }

                // the operator's view: metrics on the management port, for the scraper only
                String metrics = "http://localhost:" + a.managementPort + "/actuator/prometheus";
                assertThat(a.get(metrics, null).statusCode()).isEqualTo(401);
                String scraped = a.get(metrics, "metrics:" + METRICS_PASSWORD).body();
                assertThat(scraped).contains("wholecare_payments_waiting", "wholecare_emails_waiting",
                        "hikaricp_connections_active", "http_server_requests_seconds_count");
                // b was asked for structured logs: each line one JSON object
                String started = Files.readAllLines(b.log).stream().filter(l -> l.contains("Started WholecareApplication"))
                        .findFirst().orElseThrow();
                assertThat(started).startsWith("{").endsWith("}").contains("\"@timestamp\"", "\"message\"");

                // 200 payments waiting for Stripe, as 200 confirmed invoices leave them, and both
                // instances sending them; b dies outright a quarter of the way through, and a serves on
                List<String> keys = seedWaitingPayments(db, PAYMENTS);
                stripe.transferMillis = 25;
                awaitTransfers(stripe, PAYMENTS / 4);
                b.kill();
                assertThat(a.readiness()).isEqualTo(200);
                // halfway, the database itself dies: a leaves the rotation...
                awaitTransfers(stripe, PAYMENTS / 2);
                int dbPort = db.port();
                db.crash();
                awaitReadiness(a, s -> s == 503, Duration.ofMinutes(1));
                assertThat(stripe.transferByKey.size()).as("killed in the middle of sending").isLessThan(PAYMENTS);
                // ...and comes back by itself once the database is back
                Instant restarting = Instant.now();
                db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(BASE, data, dbPort, false, false, "128M",
                        EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS));
                awaitReadiness(a, s -> s == 200, Duration.ofMinutes(2));
                figures.append("Ready again after the database came back (its own restart included): ")
                        .append(Duration.between(restarting, Instant.now()).toMillis()).append(" ms\n");
                assertThat(a.get(a.url() + "/login", null).statusCode()).isEqualTo(200);
                b.start();
                Duration restartB = b.awaitReady(Duration.ofMinutes(3));
                figures.append("An instance restarted on the running database: ").append(restartB.toMillis())
                        .append(" ms to ready\n");
                Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
                while (count(db, "SELECT COUNT(*) FROM payment WHERE status = 'PENDING'") > 0
                        && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(200);
                }
                stripe.transferMillis = 0;
                // every payment made exactly once: one transfer per key, and the payment knows which
                assertThat(count(db, "SELECT COUNT(*) FROM payment WHERE status = 'SENT' AND idempotency_key LIKE "
                        + "'wholecare-invoice-%' AND description = 'Seeded'")).isEqualTo(PAYMENTS);
                assertThat(stripe.transferByKey.keySet()).containsAll(keys);
                for (String key : keys) {
                    assertThat(text(db, "SELECT stripe_transfer_id FROM payment WHERE idempotency_key = '" + key + "'"))
                            .isEqualTo(stripe.transferByKey.get(key));
                }
                // sent again only where an instance had sent and died (or lost its database) before
                // writing the answer down, and then with the same key, so Stripe made one transfer
                Map<String, Long> sends = stripe.transferKeysSeen.stream().collect(
                        java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
                assertThat(sends.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(4);
                figures.append(PAYMENTS).append(" payments sent by both, one instance and then the database killed in the middle: ")
                        .append(keys.stream().filter(k -> stripe.transferByKey.containsKey(k)).count())
                        .append(" transfers made, ").append(sends.values().stream().filter(n -> n > 1).count())
                        .append(" sent again with the same key after the kills\n");
                // and again from the JDK's ahead-of-time cache (JDK 25 on), trained once beside the running fleet
                if (Runtime.version().feature() >= 25) {
                    b.kill();
                    Path[] trained = b.trainAheadOfTimeCache(AppInstance.WORK.resolve("aot-b"));
                    b.start(trained[0], "-XX:AOTCache=" + trained[1]);
                    Duration restartWithCache = b.awaitReady(Duration.ofMinutes(3));
                    figures.append("The same restart from the ahead-of-time cache: ")
                            .append(restartWithCache.toMillis()).append(" ms to ready\n");
                }
                assertThat(count(db, "SELECT COUNT(*) FROM area WHERE name = 'Northbrook'")).isOne();
                assertThat(b.get(b.url() + "/login", null).statusCode()).isEqualTo(200);
                // nothing was left half done: the ledger's lines still sum to zero, entry by entry
                assertThat(count(db, "SELECT COUNT(*) FROM (SELECT entry_id FROM ledger_line GROUP BY entry_id "
                        + "HAVING SUM(amount_pence) <> 0) unbalanced")).isZero();

                // a asked to stop: it drains and says so
                a.close();
                assertThat(Files.readString(a.log)).contains("Graceful shutdown complete");
            }
        } finally {
            db.close();
            Files.writeString(AppInstance.WORK.resolve("two-instances-figures.txt"), figures);
            System.out.print(figures);
        }
    }

    private static void awaitTransfers(StripeStub stripe, int asked) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (stripe.transferKeysSeen.size() < asked && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
    }

    private static void awaitReadiness(AppInstance instance, IntPredicate wanted, Duration atMost) throws Exception {
        Instant giveUp = Instant.now().plus(atMost);
        int status = -1;
        while (Instant.now().isBefore(giveUp)) {
            status = instance.readiness();
            if (wanted.test(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(instance.name + " readiness stayed " + status + ":\n" + instance.tail());
    }

    private static final int PAYMENTS = 200;

    /**
     * Waiting payments as confirmed invoices leave them (an invoice, confirmed, and its payment
     * written before Stripe is called), for the demo's provider, now connected to Stripe.
     */
    private static List<String> seedWaitingPayments(EmbeddedMariaDb db, int howMany) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            c.createStatement().executeUpdate("INSERT IGNORE INTO payout_account (organisation_id, stripe_account_id, "
                    + "connected_by, connected_at) SELECT provider_id, 'acct_stub_provider', 1, NOW(6) FROM payment "
                    + "ORDER BY id LIMIT 1");
            for (int i = 0; i < howMany; i++) {
                c.createStatement().executeUpdate("INSERT INTO invoice (purchase_id, units, amount_pence, status, "
                        + "raised_by, raised_at, decided_at) SELECT purchase_id, 1, 100, 'CONFIRMED', raised_by, NOW(6), "
                        + "NOW(6) FROM invoice ORDER BY id LIMIT 1", java.sql.Statement.RETURN_GENERATED_KEYS);
                long invoiceId;
                try (ResultSet id = c.createStatement().executeQuery("SELECT LAST_INSERT_ID()")) {
                    id.next();
                    invoiceId = id.getLong(1);
                }
                String key = "wholecare-invoice-" + invoiceId;
                c.createStatement().executeUpdate("INSERT INTO payment (invoice_id, provider_id, holder_id, area_id, "
                        + "description, amount_pence, method, status, idempotency_key, created_at) SELECT " + invoiceId
                        + ", provider_id, holder_id, area_id, 'Seeded', 100, 'STRIPE', 'PENDING', '" + key + "', NOW(6) "
                        + "FROM payment ORDER BY id LIMIT 1");
                keys.add(key);
            }
        }
        return keys;
    }

    private static String text(EmbeddedMariaDb db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(EmbeddedMariaDb db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
