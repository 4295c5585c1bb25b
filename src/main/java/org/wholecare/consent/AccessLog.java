package org.wholecare.consent;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.security.SignedInUser;

/**
 * Records who looked at or changed a holder's records, and every refusal.
 * <ul>
 * <li>A change is written in the changing transaction, so it is on the record exactly when the
 * change is: a change that fails (and rolls back) leaves no "allowed" entry behind.</li>
 * <li>A look, and a refusal (which rolls everything else back), is written at once on a small pool
 * of its own. Taking a second connection from the main pool while holding one could starve the
 * pool under load; the log's own pool never waits on the main one.</li>
 * <li>The same person looking at the same thing again under the same grant within a few minutes is
 * one visit, not many. Changes are never merged.</li>
 * </ul>
 */
@Component
class AccessLog {

    // the same person opening the same page again within this time is one visit, not many
    static final Duration SAME_VISIT = Duration.ofMinutes(10);

    private final JdbcClient inTransaction;
    private final @Nullable JdbcClient ownConnection;
    private final @Nullable HikariDataSource ownPool;
    private final TransactionTemplate fallback;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.inTransaction = jdbc;
        this.clock = clock;
        this.ownPool = smallPoolLike(dataSource);
        this.ownConnection = ownPool == null ? null : JdbcClient.create(ownPool);
        this.fallback = new TransactionTemplate(transactions);
        this.fallback.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static @Nullable HikariDataSource smallPoolLike(DataSource dataSource) {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return null;
            }
            HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("access-log");
            pool.setJdbcUrl(main.getJdbcUrl());
            pool.setUsername(main.getUsername());
            pool.setPassword(main.getPassword());
            if (main.getDriverClassName() != null) {
                pool.setDriverClassName(main.getDriverClassName());
            }
            pool.setDataSourceProperties(main.getDataSourceProperties());
            pool.setMaximumPoolSize(4);
            pool.setMinimumIdle(1);
            pool.setAutoCommit(true);
            return pool;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** An allowed look or change: a change when the caller is in a read-write transaction. */
    void allowed(long holderId, SignedInUser actor, @Nullable Long grantId, String action) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            insert(inTransaction, holderId, actor.accountId(), grantId, action, "ALLOWED", null);
            return;
        }
        writeNow(jdbc -> insertUnlessSameVisit(jdbc, holderId, actor, grantId, action, "ALLOWED", null));
    }

    /**
     * A refusal: kept even though the refused call rolls back. Refused again for the same thing in
     * the same visit is the same entry, so nobody can push their own entries off the holder's log by
     * clicking a refused button over and over.
     */
    void refused(long holderId, SignedInUser actor, @Nullable Long grantId, String action, String why) {
        writeNow(jdbc -> insertUnlessSameVisit(jdbc, holderId, actor, grantId, action, "REFUSED", why));
    }

    /** The same person, thing, grant and outcome again within {@link #SAME_VISIT} is the entry already there. */
    private void insertUnlessSameVisit(JdbcClient jdbc, long holderId, SignedInUser actor, @Nullable Long grantId,
            String action, String outcome, @Nullable String detail) {
        boolean sameVisit = jdbc.sql("""
                SELECT COUNT(*) FROM access_log WHERE actor_account_id = ? AND holder_id = ? AND action = ?
                  AND outcome = ? AND grant_id <=> ? AND at > ?""")
                .params(actor.accountId(), holderId, truncate(action, 200), outcome, grantId,
                        Timestamp.from(clock.instant().minus(SAME_VISIT)))
                .query(Long.class).single() > 0;
        if (!sameVisit) {
            insert(jdbc, holderId, actor.accountId(), grantId, action, outcome, detail);
        }
    }

    /**
     * Looks at many holders at once (a list with their names, a queue of their bookings), by
     * someone with their own right to see them: one entry per holder, merged into visits like any
     * look, written in a few statements however long the list.
     */
    void lookedAt(java.util.Collection<Long> holderIds, SignedInUser actor, String action) {
        List<Long> distinct = holderIds.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return;
        }
        String what = truncate(action, 200);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp visitStart = Timestamp.from(clock.instant().minus(SAME_VISIT));
        // inside a change, with the change (its rows may not be committed yet); otherwise at once
        java.util.function.Consumer<java.util.function.Consumer<JdbcClient>> write =
                TransactionSynchronizationManager.isActualTransactionActive()
                        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                        ? work -> work.accept(inTransaction) : this::writeNow;
        write.accept(jdbc -> {
            for (int from = 0; from < distinct.size(); from += 500) {
                List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                List<Object> params = new java.util.ArrayList<>(List.of(actor.accountId(), what, visitStart));
                params.addAll(chunk);
                java.util.Set<Long> seen = new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT holder_id FROM access_log "
                        + "WHERE actor_account_id = ? AND action = ? AND outcome = 'ALLOWED' AND grant_id IS NULL "
                        + "AND at > ? AND holder_id IN (" + marks + ")").params(params).query(Long.class).list());
                List<Long> fresh = chunk.stream().filter(id -> !seen.contains(id)).toList();
                if (fresh.isEmpty()) {
                    continue;
                }
                List<Object> rows = new java.util.ArrayList<>();
                for (long holderId : fresh) {
                    rows.addAll(java.util.Arrays.asList(holderId, actor.accountId(), what, now));
                }
                jdbc.sql("INSERT INTO access_log (holder_id, actor_account_id, action, outcome, at) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(fresh.size(), "(?, ?, ?, 'ALLOWED', ?)")))
                        .params(rows).update();
            }
        });
    }

    private void writeNow(java.util.function.Consumer<JdbcClient> write) {
        if (ownConnection != null) {
            write.accept(ownConnection);
        } else {
            fallback.executeWithoutResult(status -> write.accept(inTransaction));
        }
    }

    private void insert(JdbcClient jdbc, long holderId, long actorAccountId, @Nullable Long grantId, String action,
            String outcome, @Nullable String detail) {
        jdbc.sql("INSERT INTO access_log (holder_id, actor_account_id, grant_id, action, outcome, detail, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(holderId, actorAccountId, grantId, truncate(action, 200), outcome,
                        detail == null ? null : truncate(detail, 300), Timestamp.from(clock.instant()))
                .update();
    }

    List<AccessLogEntry> forHolder(long holderId, int limit) {
        return inTransaction.sql("""
                SELECT l.at, a.full_name, a.role, l.action, l.outcome, g.kind, COALESCE(o.name, ga.full_name), g.scope, l.detail
                FROM access_log l JOIN user_account a ON a.id = l.actor_account_id
                LEFT JOIN consent_grant g ON g.id = l.grant_id
                LEFT JOIN organisation o ON o.id = g.grantee_organisation_id
                LEFT JOIN user_account ga ON ga.id = g.grantee_account_id
                WHERE l.holder_id = ? ORDER BY l.at DESC, l.id DESC LIMIT ?""")
                .params(holderId, limit)
                .query((rs, n) -> new AccessLogEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        org.wholecare.security.Role.valueOf(rs.getString(3)).label(), rs.getString(4),
                        "ALLOWED".equals(rs.getString(5)),
                        rs.getString(6) == null ? null : ConsentKind.valueOf(rs.getString(6)).label() + ": "
                                + rs.getString(7) + " (" + ConsentScope.valueOf(rs.getString(8)).label() + ")",
                        rs.getString(9)))
                .list();
    }

    private static String truncate(String text, int length) {
        Objects.requireNonNull(text);
        return text.length() <= length ? text : text.substring(0, length);
    }
}
