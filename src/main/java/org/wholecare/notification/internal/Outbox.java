package org.wholecare.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The emails waiting to go: written with the change they tell of, taken by one instance at a time. */
@Repository
public class Outbox {

    /** One email to send: to an account (whose address is read when it goes), about one kind of thing. */
    public record Waiting(long id, long accountId, String kind, String subject, String body, int attempts) {
    }

    /** An email that could not be sent after every try, for administrators: no body, no address. */
    public record Failed(long id, long accountId, String kind, int attempts, String lastError, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long accountId, String kind, String subject, String body, Instant now) {
        jdbc.sql("INSERT INTO email_outbox (account_id, kind, subject, body, status, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, ?, 'PENDING', ?, ?)").params(accountId, kind, subject, body, Timestamp.from(now),
                Timestamp.from(now)).update();
    }

    /**
     * Up to {@code limit} emails due now, locked for this transaction; rows another instance holds
     * are skipped rather than waited for, so two instances never send one email twice.
     */
    public List<Waiting> takeDue(Instant now, int limit) {
        return jdbc.sql("SELECT id, account_id, kind, subject, body, attempts FROM email_outbox WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list();
    }

    /** Sent: the body goes (it may hold a link meant for one person only), the record of sending stays. */
    public void sent(long id, Instant now) {
        jdbc.sql("UPDATE email_outbox SET status = 'SENT', body = '', attempts = attempts + 1, sent_at = ?, "
                + "last_error = NULL WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    /** Nobody to send it to any more (no address, switched off): settled without sending. */
    public void dropped(long id, String why) {
        jdbc.sql("UPDATE email_outbox SET status = 'SENT', body = '', last_error = ? WHERE id = ?").params(why, id)
                .update();
    }

    public void retryAt(long id, Instant next, String error) {
        jdbc.sql("UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(next), shorten(error), id).update();
    }

    public void failed(long id, String error) {
        jdbc.sql("UPDATE email_outbox SET status = 'FAILED', attempts = attempts + 1, body = '', last_error = ? "
                + "WHERE id = ?").params(shorten(error), id).update();
    }

    public List<Failed> failedOnes(int limit) {
        return jdbc.sql("SELECT id, account_id, kind, attempts, last_error, created_at FROM email_outbox "
                        + "WHERE status = 'FAILED' ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Failed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    public long count(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE status = ?").param(status).query(Long.class).single();
    }

    private static String shorten(String error) {
        return error.length() <= 300 ? error : error.substring(0, 297) + "...";
    }
}
