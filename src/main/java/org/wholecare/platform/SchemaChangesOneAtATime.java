package org.wholecare.platform;

import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Liquibase takes its own lock only after it has read the changelog, and reading it first creates
 * its history table if there is none: two instances starting together on an empty database both try,
 * and one fails. So each instance holds the database's named lock while Liquibase runs; the second
 * waits, then finds every change made. (An instance that dies holding it lets go with its connection.)
 */
@Component
class SchemaChangesOneAtATime implements BeanPostProcessor, DisposableBean {

    private static final String LOCK = "schema-changes";
    private @Nullable Connection held;
    private @Nullable DataSource heldFrom;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && held == null && liquibase.getDataSource() != null) {
            heldFrom = liquibase.getDataSource();
            held = OnceAcrossInstances.take(heldFrom, LOCK, Duration.ofMinutes(10));
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase) {
            letGo();
        }
        return bean;
    }

    /** Also when Liquibase failed and the start is being given up. */
    @Override
    public void destroy() {
        letGo();
    }

    private synchronized void letGo() {
        Connection connection = held;
        DataSource from = heldFrom;
        held = null;
        heldFrom = null;
        if (connection != null && from != null) {
            OnceAcrossInstances.release(from, connection, LOCK);
        }
    }
}
