package org.wholecare.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Work that instances starting together on one database must do one at a time, such as loading the
 * demo: each waits for the database's named lock ({@code GET_LOCK}) on a connection of its own, so the
 * second finds the first one's work done instead of doing it again. The lock goes with the connection,
 * so an instance that dies holding it lets the next one in at once.
 */
@Component
public class OnceAcrossInstances {

    private final DataSource dataSource;

    OnceAcrossInstances(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work while holding the named lock, waiting up to {@code wait} for another instance to finish. */
    public void run(String name, Duration wait, Runnable work) {
        Connection held = take(dataSource, name, wait);
        try {
            work.run();
        } finally {
            release(dataSource, held, name);
        }
    }

    /** Takes the named lock on a connection of its own, which the caller gives to {@link #release}. */
    static Connection take(DataSource dataSource, String name, Duration wait) {
        String lock = "wholecare." + name;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement get = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                get.setString(1, lock);
                get.setLong(2, Math.max(1, wait.toSeconds()));
                try (ResultSet result = get.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new IllegalStateException("Another instance has held the lock '" + lock + "' for over "
                                + wait.toSeconds() + " seconds. If it is stuck, restart it; then start this one again.");
                    }
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("Could not take the database lock '"
                    + lock + "'", e);
        }
    }

    /**
     * Lets go of the lock and ends the connection's session rather than handing it back to the pool
     * (evicted from it): should the release fail, the lock would go back with it, and one opened
     * before the schema changed keeps what it read of the database then (its collation, for one).
     */
    static void release(DataSource dataSource, Connection connection, String name) {
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, "wholecare." + name);
            release.executeQuery().close();
        } catch (SQLException e) {
            // ending the session below lets go of it all the same
        } finally {
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                }
            } catch (SQLException ignored) {
                // not a pool that can evict: closing it below is all there is
            }
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to let go of
            }
        }
    }
}
