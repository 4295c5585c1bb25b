package org.wholecare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;

@IntegrationTest
class ActuatorAndDatabaseIT {

    static final String METRICS_PASSWORD = "a scraper's own password";

    @LocalServerPort int port;
    @org.springframework.boot.test.web.server.LocalManagementPort int managementPort;
    @Autowired org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups groups;
    @Autowired DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void livenessAndReadinessArePublicAndSayOnlyUp() throws Exception {
        for (String probe : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> response = get(probe);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void readinessAsksTheDatabase() {
        // the readiness group holds the database's own check: an instance that lost it leaves the
        // rotation (TwoInstancesIT kills the database and sees /readyz say 503, then 200 once it is back)
        var readiness = groups.get("readiness");
        assertThat(readiness.isMember("db")).isTrue();
        assertThat(readiness.isMember("readinessState")).isTrue();
    }

    @Test
    void metricsAreOnTheManagementPortForTheMetricsUserOnly() throws Exception {
        HttpResponse<String> nobody = get(managementPort, "/actuator/prometheus", null);
        assertThat(nobody.statusCode()).as(nobody.headers().map() + nobody.body()).isEqualTo(401);
        assertThat(get(managementPort, "/actuator/prometheus", "metrics:wrong password").statusCode()).isEqualTo(401);
        // nor on the app's own port, where people are
        assertThat(get("/actuator/prometheus").statusCode()).isNotEqualTo(200);
        HttpResponse<String> scraped = get(managementPort, "/actuator/prometheus", "metrics:" + METRICS_PASSWORD);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("http_server_requests_seconds_bucket", "hikaricp_connections_active",
                "wholecare_search_wait_seconds", "wholecare_payments_waiting", "wholecare_payments_failed",
                "wholecare_payments_oldest_waiting_seconds", "wholecare_emails_waiting",
                "wholecare_emails_oldest_waiting_seconds", "wholecare_sign_in_failures_total",
                "wholecare_throttled_total{what=\"sign-in\"}");
        // the full health, for the operator, is there too, and public (it says UP or DOWN only)
        assertThat(get(managementPort, "/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void nothingElseOfActuatorIsPublic() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/env", "/actuator/beans",
                "/actuator/configprops", "/actuator/heapdump"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("spring.datasource").doesNotContain("\"status\"");
        }
    }

    @Test
    void theDatabaseIsARealMariaDbServerWithTheChangelogsApplied() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class)).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE password_hash LIKE '{pbkdf2@%'",
                Integer.class)).as("Testford's users, with hashed passwords").isGreaterThanOrEqualTo(7);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path, null);
    }

    private HttpResponse<String> get(int onPort, String path, @org.jspecify.annotations.Nullable String user)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    user.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyTableButLiquibasesOwnHasAPrimaryKeySoGroupReplicationTakesIt() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT t.TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = "
                + "DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_NAME <> 'DATABASECHANGELOG' AND NOT EXISTS ("
                + "SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA "
                + "AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')", String.class)).isEmpty();
    }

    @Test
    void everyTableHasTheChangelogsCollationWhateverTheServersDefault() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (org.wholecare.StockServerDatabase.active()) {
            // the server's own default differs: the changelog, not the server, decided
            assertThat(jdbc.queryForObject("SELECT @@collation_server", String.class)).isNotEqualTo("utf8mb4_unicode_ci");
        }
        assertThat(jdbc.queryForObject("SELECT @@collation_database", String.class)).isEqualTo("utf8mb4_unicode_ci");
        assertThat(jdbc.queryForList("SELECT CONCAT(TABLE_NAME, ' ', TABLE_COLLATION) FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%' "
                + "AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'", String.class)).isEmpty();
    }
}
