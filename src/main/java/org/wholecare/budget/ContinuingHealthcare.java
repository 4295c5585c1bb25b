package org.wholecare.budget;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.consent.BudgetAccess;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;

/**
 * Whether a person with a budget is eligible for NHS continuing healthcare: an NHS decision, so
 * only an NHS commissioner of the area records it (a council commissioner sees it). The NHS
 * return counts these people.
 */
@Service
@Transactional
public class ContinuingHealthcare {

    private final JdbcClient jdbc;
    private final BudgetAccess access;
    private final HolderDirectory holders;
    private final OrganisationService organisations;
    private final Clock clock;

    ContinuingHealthcare(JdbcClient jdbc, BudgetAccess access, HolderDirectory holders,
            OrganisationService organisations, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.holders = holders;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** What the budget says, for a commissioner of its area (the page that shows it has logged the look). */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional(readOnly = true)
    public boolean isEligible(long budgetId) {
        long areaId = jdbc.sql("SELECT area_id FROM budget WHERE id = ?").param(budgetId).query(Long.class).optional()
                .orElseThrow(BudgetAccess::noAccess);
        access.requireCommissionerFor(areaId);
        return jdbc.sql("SELECT continuing_healthcare FROM budget WHERE id = ?").param(budgetId).query(Boolean.class)
                .single();
    }

    /** Whether the signed-in commissioner works for the NHS board, which alone records it. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional(readOnly = true)
    public boolean mayRecord() {
        SignedInUser me = access.user();
        return me.organisationId() != null && organisations.organisation(me.organisationId())
                .map(o -> o.type() == OrganisationType.NHS_BOARD).orElse(false);
    }

    /** Records the NHS's decision on the budget; only an NHS commissioner of the holder's area may. */
    @RolesAllowed(Roles.COMMISSIONER)
    public void record(long budgetId, boolean eligible) {
        HolderSummary holder = jdbc.sql("SELECT holder_id FROM budget WHERE id = ?").param(budgetId)
                .query(Long.class).optional().flatMap(holders::byId).orElseThrow(BudgetAccess::noAccess);
        SignedInUser me = access.requireCommissionerFor(holder.areaId());
        if (!mayRecord()) {
            throw new AccessDeniedException("Only the NHS records eligibility for continuing healthcare");
        }
        access.requireCommissionerFor(holder, eligible ? "Recorded eligibility for NHS continuing healthcare"
                : "Recorded that there is no eligibility for NHS continuing healthcare");
        jdbc.sql("UPDATE budget SET continuing_healthcare = ?, continuing_healthcare_recorded_by = ?, "
                + "continuing_healthcare_recorded_at = ? WHERE id = ?")
                .params(eligible, me.accountId(), Timestamp.from(clock.instant()), budgetId).update();
    }

    /** The area's budgets running on any day of {@code [from, to]} that are recorded as continuing healthcare. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional(readOnly = true)
    public Set<Long> inArea(long areaId, LocalDate from, LocalDate to) {
        access.requireCommissionerFor(areaId);
        return new HashSet<>(jdbc.sql("SELECT id FROM budget WHERE area_id = ? AND continuing_healthcare = TRUE "
                + "AND start_date <= ? AND end_date >= ?").params(areaId, Date.valueOf(to), Date.valueOf(from))
                .query(Long.class).list());
    }
}
