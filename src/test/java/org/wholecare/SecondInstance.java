package org.wholecare;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second app instance beside the tests' own: the whole app again, with its own beans, caches,
 * senders, schedulers and web port, on the same database (the embedded server, or the stock one),
 * as a second machine behind a load balancer would be. Only its JVM is shared.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it on the database the given one (the tests' own instance's) uses. */
    public static SecondInstance on(DataSource first, String... settings) {
        HikariDataSource db;
        try {
            db = first.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "--wholecare.embedded-db.enabled=false", "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(), "--spring.datasource.password=" + java.util.Objects.toString(db.getPassword(), ""),
                "--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off", "--wholecare.demo-data.enabled=false",
                "--spring.datasource.hikari.pool-name=second-instance", "--wholecare.it.second-instance=true"));
        arguments.addAll(java.util.List.of(settings));
        return new SecondInstance(new SpringApplicationBuilder(WholecareApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
