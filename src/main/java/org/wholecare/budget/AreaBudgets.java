package org.wholecare.budget;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;

/**
 * An area's budgets as its funders count them: which ran in a period and how each is managed.
 * No names and no records, so reading them is not a look at anyone's records.
 */
@Service
@Transactional(readOnly = true)
public class AreaBudgets {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AreaBudgets(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /**
     * Budgets of the area running on any day of {@code [from, to]}: for a commissioner of that area,
     * or the administrator working out the public figures (which publish only rounded counts).
     */
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMINISTRATOR})
    public List<BudgetSummary> runningIn(long areaId, LocalDate from, LocalDate to) {
        // the system works the public figures out as the administrator, with no one signed in
        var me = currentUser.find().orElse(null);
        if (me != null && me.role() != org.wholecare.security.Role.ADMINISTRATOR && !Objects.equals(me.areaId(), areaId)) {
            throw new AccessDeniedException("Not a commissioner for this area");
        }
        return jdbc.sql("SELECT id, holder_id, area_id, start_date, end_date, management, brokerage_organisation_id "
                        + "FROM budget WHERE area_id = ? AND start_date <= ? AND end_date >= ? ORDER BY id")
                .params(areaId, Date.valueOf(to), Date.valueOf(from))
                .query((rs, n) -> new BudgetSummary(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                        BudgetManagement.valueOf(rs.getString(6)), rs.getObject(7, Long.class), Map.of()))
                .list();
    }
}
