package org.wholecare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.wholecare.platform.EmbeddedMariaDb;
import org.wholecare.platform.ExternalDatabaseSettings;

/**
 * With {@code -Dwholecare.it.database=stock-server} (the build's second integration-test run) every
 * test context gets a fresh database on a separately started server, made with that server's own
 * defaults as the README's external-database steps would: the MariaDB installed on the machine
 * (127.0.0.1:3306, root), or, where there is none, a server started once for the run with Debian's
 * stock settings (utf8mb4_general_ci). The embedded server is not used.
 */
public class StockServerDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(StockServerDatabase.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private record Server(String address, String username, String password, EmbeddedMariaDb started) {

        String url(String database) {
            return "jdbc:mysql://" + address + "/" + database + "?" + ExternalDatabaseSettings.CONNECTOR_J_PARAMETERS;
        }

        void run(String sql) {
            try (Connection connection = DriverManager.getConnection(url(""), username, password)) {
                connection.createStatement().execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    public static boolean active() {
        return "stock-server".equals(System.getProperty("wholecare.it.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // a child context (the management port's) uses its parent's database; a second instance
        // (SecondInstance) is given the database of the instance it stands beside
        if (!active() || context.getParent() != null
                || context.getEnvironment().getProperty("wholecare.it.second-instance", Boolean.class, false)) {
            return;
        }
        Server server = server();
        String database = "wholecare_it_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        // the server's defaults, exactly as a database made by hand with the README's steps
        server.run("CREATE DATABASE " + database);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stock-server", Map.of(
                "spring.datasource.url", server.url(database),
                "spring.datasource.username", server.username(),
                "spring.datasource.password", server.password(),
                "wholecare.embedded-db.enabled", "false")));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                server.run("DROP DATABASE IF EXISTS " + database);
            }
        });
        log.info("Integration tests on {} in database {} (the server's own defaults)", server.address(), database);
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String address = System.getProperty("wholecare.it.stock-server", "127.0.0.1:3306");
        String username = System.getProperty("wholecare.it.stock-server.username", "root");
        String password = System.getProperty("wholecare.it.stock-server.password", "");
        Server installed = new Server(address, username, password, null);
        try {
            installed.run("SELECT 1");
            server = installed;
        } catch (IllegalStateException none) {
            log.info("No MariaDB or MySQL answers at {} ({}): starting one with Debian's stock settings", address,
                    none.getMessage());
            try {
                EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(
                        Path.of(System.getProperty("user.home"), ".wholecare", "mariadb", "base"),
                        Files.createTempDirectory("wholecare-stock-server"), 0, true, true, "64M",
                        List.of("--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci")));
                server = new Server("127.0.0.1:" + db.port(), db.username(), db.password(), db);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }
}
