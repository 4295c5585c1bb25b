package org.wholecare.budget;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.security.SignedInUser;

/**
 * Records who looked at or changed a holder's records, and every refusal. Written in its own
 * transaction, so a refusal (which rolls back everything else) still leaves its entry.
 */
@Component
class AccessLog {

    // the same person opening the same page again within this time is one visit, not many
    private static final Duration SAME_VISIT = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void allowed(long holderId, SignedInUser actor, Long grantId, String action) {
        write(holderId, actor, grantId, action, "ALLOWED", null);
    }

    void refused(long holderId, SignedInUser actor, Long grantId, String action, String why) {
        write(holderId, actor, grantId, action, "REFUSED", why);
    }

    private void write(long holderId, SignedInUser actor, Long grantId, String action, String outcome, String detail) {
        var now = clock.instant();
        ownTransaction.executeWithoutResult(status -> {
            boolean sameVisit = "ALLOWED".equals(outcome) && jdbc.sql("""
                    SELECT COUNT(*) FROM access_log WHERE actor_account_id = ? AND holder_id = ? AND action = ?
                      AND outcome = 'ALLOWED' AND at > ?""")
                    .params(actor.accountId(), holderId, action, Timestamp.from(now.minus(SAME_VISIT)))
                    .query(Long.class).single() > 0;
            if (!sameVisit) {
                jdbc.sql("INSERT INTO access_log (holder_id, actor_account_id, grant_id, action, outcome, detail, at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(holderId, actor.accountId(), grantId, truncate(action, 200), outcome,
                                detail == null ? null : truncate(detail, 300), Timestamp.from(now))
                        .update();
            }
        });
    }

    List<AccessLogEntry> forHolder(long holderId, int limit) {
        return jdbc.sql("""
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
        return text.length() <= length ? text : text.substring(0, length);
    }
}
