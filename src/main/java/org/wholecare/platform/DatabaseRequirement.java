package org.wholecare.platform;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * A real installation keeps its records in a MySQL or MariaDB server that someone looks after.
 * Started with none configured (and no developer's embedded server), Wholecare stops and says how
 * to give it one, rather than inventing a database nobody backs up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wholecare.embedded-db.enabled", havingValue = "false", matchIfMissing = true)
@Conditional(NoExternalDatabaseCondition.class)
class DatabaseRequirement {

    @Bean
    DataSource dataSource() {
        throw new InstallationProblem("Wholecare has no database: none is configured.",
                "Give Wholecare a MySQL 8 or MariaDB 10.11 (or newer) database with utf8mb4 as its character set:"
                        + " set SPRING_DATASOURCE_URL (for example jdbc:mysql://db.example.org:3306/wholecare"
                        + "?useInformationSchema=false), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD."
                        + " For MySQL also set SPRING_PROFILES_ACTIVE=mysql. The README's 'Running it for real'"
                        + " section has the details. To try Wholecare with demo data on your own computer, run"
                        + " ./mvnw spring-boot:run from the source code instead.");
    }
}
