package org.wholecare.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The developer's run and the tests start a real MariaDB server of their own (see
 * {@link EmbeddedMariaDb}), so they need nothing installed. Only the {@code dev} and {@code test}
 * profiles switch it on, and setting {@code spring.datasource.url} always wins; a packaged
 * Wholecare does not even carry the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wholecare.embedded-db.enabled", havingValue = "true")
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) throws Exception {
        return EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(Path.of(properties.baseDir()),
                Path.of(properties.dataDir()), properties.port(), properties.fresh(), properties.throwaway(),
                properties.bufferPoolSize(), EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS));
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb embeddedMariaDb) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(embeddedMariaDb.jdbcUrl());
        dataSource.setUsername(embeddedMariaDb.username());
        dataSource.setPassword(embeddedMariaDb.password());
        return dataSource;
    }
}
