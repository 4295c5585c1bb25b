package org.wholecare.budget;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.shared.Roles;

/** Budgets whose period ends soon, in any area: for the platform's reminders, not for any person's page. */
@Service
@Transactional(readOnly = true)
public class EndingBudgets {

    /** The current (latest) budget of a person, ending on {@code endsOn}. */
    public record Ending(long budgetId, long holderId, LocalDate endsOn) {
    }

    private final JdbcClient jdbc;

    EndingBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<Ending> endingBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT b.id, b.holder_id, b.end_date FROM budget b WHERE b.end_date BETWEEN ? AND ?
                AND b.id = (SELECT l.id FROM budget l WHERE l.holder_id = b.holder_id
                  ORDER BY l.start_date DESC, l.id DESC LIMIT 1) ORDER BY b.id""")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Ending(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate())).list();
    }
}
