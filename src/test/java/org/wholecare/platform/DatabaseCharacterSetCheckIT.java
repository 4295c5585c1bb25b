package org.wholecare.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Start-up refuses, in plain words, a database that cannot hold every name people type. */
class DatabaseCharacterSetCheckIT {

    private static EmbeddedMariaDb server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(
                Path.of(System.getProperty("user.home"), ".wholecare", "mariadb", "base"),
                Files.createTempDirectory("wholecare-charset-it"), 0, true, true, "32M",
                EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute("CREATE DATABASE wholecare_latin CHARACTER SET latin1");
            c.createStatement().execute("CREATE DATABASE wholecare_mixed CHARACTER SET utf8mb4");
            c.createStatement().execute("CREATE TABLE wholecare_mixed.old_names (name VARCHAR(50)) CHARACTER SET utf8mb3");
            c.createStatement().execute("CREATE DATABASE wholecare_good CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DriverManagerDataSource database(String name) {
        return new DriverManagerDataSource(server.jdbcUrl().replace("/wholecare?", "/" + name + "?"), server.username(),
                server.password());
    }

    @Test
    void aLatin1DatabaseIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> DatabaseCharacterSetCheck.check(database("wholecare_latin")))
                .isInstanceOf(InstallationProblem.class)
                .hasMessage("The database 'wholecare_latin' uses the character set latin1, which cannot hold every name "
                        + "people type (other alphabets, some accents, emoji).")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InstallationProblem) e).fix())
                        .contains("ALTER DATABASE `wholecare_latin` CHARACTER SET utf8mb4"));
    }

    @Test
    void aTableThatCannotHoldEveryNameIsNamed() {
        assertThatThrownBy(() -> DatabaseCharacterSetCheck.check(database("wholecare_mixed")))
                .isInstanceOf(InstallationProblem.class).hasMessageContaining("old_names (utf8mb3_general_ci)");
    }

    @Test
    void aUtf8mb4DatabaseWithAnyCollationIsAccepted() {
        assertThatCode(() -> DatabaseCharacterSetCheck.check(database("wholecare_good"))).doesNotThrowAnyException();
    }

    @Test
    void anUnreachableDatabaseSaysWhatToCheck() {
        var nowhere = new DriverManagerDataSource("jdbc:mysql://127.0.0.1:1/wholecare?connectTimeout=2000", "x", "y");
        assertThatThrownBy(() -> DatabaseCharacterSetCheck.check(nowhere)).isInstanceOf(InstallationProblem.class)
                .hasMessageStartingWith("The database could not be reached");
    }
}
