package org.wholecare.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and records consent grants and their history. Internal; the services decide who may. */
@Repository
class ConsentGrants {

    private static final String SELECT = """
            SELECT g.id, g.holder_id, h.full_name, g.kind, g.grantee_organisation_id, g.grantee_account_id,
                   COALESCE(o.name, a.full_name), g.relationship, g.scope, g.ends_on, g.document_reference,
                   g.granted_at, g.revoked_at
            FROM consent_grant g JOIN budget_holder h ON h.id = g.holder_id
            LEFT JOIN organisation o ON o.id = g.grantee_organisation_id
            LEFT JOIN user_account a ON a.id = g.grantee_account_id\s""";

    private final JdbcClient jdbc;

    ConsentGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConsentGrant> byId(long id) {
        return jdbc.sql(SELECT + "WHERE g.id = ?").param(id).query(ConsentGrants::map).optional();
    }

    List<ConsentGrant> ofHolder(long holderId) {
        return jdbc.sql(SELECT + "WHERE g.holder_id = ? ORDER BY g.revoked_at IS NOT NULL, g.granted_at DESC, g.id DESC")
                .param(holderId).query(ConsentGrants::map).list();
    }

    /** Grants to this person, or to their organisation, for this holder; newest first. */
    List<ConsentGrant> forGrantee(long holderId, long accountId, @Nullable Long organisationId) {
        return jdbc.sql(SELECT + "WHERE g.holder_id = ? AND (g.grantee_account_id = ? OR g.grantee_organisation_id = ?) "
                        + "ORDER BY g.granted_at DESC, g.id DESC")
                .params(holderId, accountId, organisationId == null ? -1L : organisationId)
                .query(ConsentGrants::map).list();
    }

    /** Every grant to this person or organisation, for any holder; newest first. */
    List<ConsentGrant> allForGrantee(long accountId, @Nullable Long organisationId) {
        return jdbc.sql(SELECT + "WHERE g.grantee_account_id = ? OR g.grantee_organisation_id = ? "
                        + "ORDER BY h.full_name, g.granted_at DESC, g.id DESC")
                .params(accountId, organisationId == null ? -1L : organisationId)
                .query(ConsentGrants::map).list();
    }

    List<ConsentGrant> endingBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + "WHERE g.revoked_at IS NULL AND g.ends_on BETWEEN ? AND ? ORDER BY g.id")
                .params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)).query(ConsentGrants::map).list();
    }

    long insert(long holderId, ConsentKind kind, @Nullable Long organisationId, @Nullable Long accountId,
            @Nullable String relationship, ConsentScope scope, @Nullable LocalDate endsOn,
            @Nullable String documentReference, long actor, Instant now) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO consent_grant (holder_id, kind, grantee_organisation_id, grantee_account_id, relationship,
                  scope, ends_on, document_reference, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(holderId, kind.name(), organisationId, accountId, relationship, scope.name(),
                        endsOn == null ? null : java.sql.Date.valueOf(endsOn), documentReference, actor, Timestamp.from(now))
                .update(key);
        long id = key.getKey().longValue();
        event(id, "GRANTED", scope, endsOn, actor, now);
        return id;
    }

    void change(long grantId, ConsentScope scope, @Nullable LocalDate endsOn, long actor, Instant now) {
        jdbc.sql("UPDATE consent_grant SET scope = ?, ends_on = ? WHERE id = ?")
                .params(scope.name(), endsOn == null ? null : java.sql.Date.valueOf(endsOn), grantId).update();
        event(grantId, "CHANGED", scope, endsOn, actor, now);
    }

    void revoke(ConsentGrant grant, long actor, Instant now) {
        jdbc.sql("UPDATE consent_grant SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(actor, Timestamp.from(now), grant.id()).update();
        event(grant.id(), "REVOKED", grant.scope(), grant.endsOn(), actor, now);
    }

    /** One step in a grant's history, as it stood then. */
    record Event(long grantId, String event, ConsentScope scope, @Nullable LocalDate endsOn, String actorName,
            Instant at) {
    }

    /** The history of every grant the holder has made, oldest first. */
    List<Event> eventsOfHolder(long holderId) {
        return jdbc.sql("""
                SELECT e.grant_id, e.event, e.scope, e.ends_on, a.full_name, e.at
                FROM consent_event e JOIN consent_grant g ON g.id = e.grant_id
                JOIN user_account a ON a.id = e.actor_account_id
                WHERE g.holder_id = ? ORDER BY e.at, e.id""")
                .param(holderId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), ConsentScope.valueOf(rs.getString(3)),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Whether the account has never chosen a password (its invitation may have lapsed). */
    boolean waitingForPassword(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE id = ? AND password_hash IS NULL").param(accountId)
                .query(Long.class).single() > 0;
    }

    private void event(long grantId, String event, ConsentScope scope, @Nullable LocalDate endsOn, long actor,
            Instant now) {
        jdbc.sql("INSERT INTO consent_event (grant_id, event, scope, ends_on, actor_account_id, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(grantId, event, scope.name(), endsOn == null ? null : java.sql.Date.valueOf(endsOn), actor,
                        Timestamp.from(now))
                .update();
    }

    private static ConsentGrant map(ResultSet rs, int row) throws SQLException {
        return new ConsentGrant(rs.getLong(1), rs.getLong(2), rs.getString(3), ConsentKind.valueOf(rs.getString(4)),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                ConsentScope.valueOf(rs.getString(9)), rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(),
                rs.getString(11), rs.getTimestamp(12).toInstant(),
                rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());
    }
}
