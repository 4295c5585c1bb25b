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

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void livenessAndReadinessArePublicAndSayOnlyUp() throws Exception {
        for (String probe : new String[] {"liveness", "readiness"}) {
            HttpResponse<String> response = get("/actuator/health/" + probe);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }
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
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
