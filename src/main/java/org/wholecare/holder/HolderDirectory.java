package org.wholecare.holder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads budget holders. Internal to the budget feature; access checks happen in the services. */
@Repository
public class HolderDirectory {

    private static final String SELECT = """
            SELECT h.id, h.account_id, h.full_name, a.username, h.date_of_birth, h.nhs_number, h.postcode_district,
                   h.area_id, h.representative_account_id, h.representative_relationship,
                   (SELECT b.id FROM budget b WHERE b.holder_id = h.id ORDER BY b.start_date DESC, b.id DESC LIMIT 1)
            FROM budget_holder h JOIN user_account a ON a.id = h.account_id\s""";

    private final JdbcClient jdbc;

    HolderDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HolderSummary> byId(long id) {
        return jdbc.sql(SELECT + "WHERE h.id = ?").param(id).query(HolderDirectory::map).optional();
    }

    public Optional<HolderSummary> byAccount(long accountId) {
        return jdbc.sql(SELECT + "WHERE h.account_id = ?").param(accountId).query(HolderDirectory::map).optional();
    }

    /** Holders whose consent for this person (or their organisation) is in force on the day. */
    public List<HolderSummary> actingFor(long accountId, @Nullable Long organisationId, java.time.LocalDate day) {
        return jdbc.sql(SELECT + """
                        WHERE h.id IN (SELECT g.holder_id FROM consent_grant g
                          WHERE (g.grantee_account_id = ? OR g.grantee_organisation_id = ?) AND g.revoked_at IS NULL
                            AND (g.ends_on IS NULL OR g.ends_on >= ?))
                        ORDER BY h.full_name""")
                .params(accountId, organisationId == null ? -1L : organisationId, java.sql.Date.valueOf(day))
                .query(HolderDirectory::map).list();
    }

    public List<HolderSummary> inArea(long areaId) {
        return jdbc.sql(SELECT + "WHERE h.area_id = ? ORDER BY h.full_name").param(areaId)
                .query(HolderDirectory::map).list();
    }

    public boolean nhsNumberTaken(String digits) {
        return jdbc.sql("SELECT COUNT(*) FROM budget_holder WHERE nhs_number = ?").param(digits)
                .query(Long.class).single() > 0;
    }

    private static HolderSummary map(ResultSet rs, int row) throws SQLException {
        return new HolderSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getLong(8),
                rs.getObject(9, Long.class), rs.getString(10), rs.getObject(11, Long.class));
    }
}
