package org.wholecare.purchase;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.consent.BudgetAccess;
import org.wholecare.consent.HolderRecords;
import org.wholecare.holder.HolderSummary;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;

/**
 * What bookings and invoices wait for: a provider to accept or decline a booking; a person (or
 * whoever may see their budget for them) to check an invoice before it is confirmed by itself; a
 * commissioner to settle a dispute. Counted as the pages behind them count.
 */
@Component
@Transactional(readOnly = true)
class PurchaseThingsToDo implements ThingsToDo {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final BudgetAccess access;
    private final HolderRecords records;
    private final Clock clock;
    private final Duration autoConfirmAfter;

    PurchaseThingsToDo(JdbcClient jdbc, CurrentUser currentUser, BudgetAccess access,
            HolderRecords records, Clock clock,
            @Value("${wholecare.invoices.auto-confirm-after:14d}") Duration autoConfirmAfter) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.access = access;
        this.records = records;
        this.clock = clock;
        this.autoConfirmAfter = autoConfirmAfter;
    }

    @Override
    public List<ThingToDo> forMe() {
        SignedInUser me = currentUser.require();
        return switch (me.role()) {
            case PROVIDER -> forProvider(me);
            case BUDGET_HOLDER, REPRESENTATIVE -> invoicesToCheck(me);
            case COMMISSIONER -> disputesToSettle(me);
            default -> List.of();
        };
    }

    private List<ThingToDo> forProvider(SignedInUser me) {
        record Waiting(long count, java.sql.@org.jspecify.annotations.Nullable Date first) {
        }
        Waiting waiting = jdbc.sql("SELECT COUNT(*), MIN(start_date) FROM purchase WHERE provider_id = ? "
                + "AND status = 'REQUESTED'").param(me.organisationId())
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getDate(2))).single();
        List<ThingToDo> things = new ArrayList<>();
        if (waiting.count() > 0) {
            // answered before the first one is due to start
            things.add(new ThingToDo(waiting.count() == 1 ? "A booking to accept or decline"
                    : waiting.count() + " bookings to accept or decline", waiting.count(),
                    waiting.first() == null ? null : waiting.first().toLocalDate(), "Answer them", "/provider/bookings"));
        }
        // under way and not all delivered: the bookings page shows each with its box to record delivery
        long toRecord = jdbc.sql("SELECT COUNT(*) FROM purchase p WHERE p.provider_id = ? AND p.status = 'ACCEPTED' "
                + "AND p.start_date <= ? AND p.quantity * p.occurrences > (SELECT COALESCE(SUM(d.units), 0) "
                + "FROM delivery d WHERE d.purchase_id = p.id)").params(me.organisationId(),
                java.sql.Date.valueOf(UkTime.today(clock))).query(Long.class).single();
        if (toRecord > 0) {
            things.add(new ThingToDo(toRecord == 1 ? "A booking under way with delivery to record"
                    : toRecord + " bookings under way with delivery to record", toRecord, null, "Record delivery",
                    "/provider/bookings"));
        }
        return things;
    }

    private List<ThingToDo> invoicesToCheck(SignedInUser me) {
        List<HolderSummary> people = access.peopleWhoseBudgetISee(org.wholecare.consent.ConsentScope.VIEW);
        List<ThingToDo> things = new ArrayList<>();
        List<Long> looked = new ArrayList<>();
        for (HolderSummary h : people) {
            List<ThingToDo> theirs = jdbc.sql("""
                    SELECT o.name, i.amount_pence, i.raised_at FROM invoice i JOIN purchase p ON p.id = i.purchase_id
                    JOIN organisation o ON o.id = p.provider_id WHERE p.holder_id = ? AND i.status = 'RAISED'
                    ORDER BY i.raised_at, i.id""").param(h.id())
                    .query((rs, n) -> new ThingToDo("An invoice from " + rs.getString(1) + " for "
                            + Money.format(rs.getLong(2)) + (me.role() == Role.BUDGET_HOLDER ? ""
                            : ", for " + h.firstName() + "'s budget")
                            + ": confirm it or say what is wrong", 1, rs.getTimestamp(3).toInstant()
                            .plus(autoConfirmAfter).atZone(UkTime.ZONE).toLocalDate(), "Check it", "/purchases"))
                    .list();
            if (!theirs.isEmpty() && me.role() != Role.BUDGET_HOLDER) {
                looked.add(h.id());
            }
            things.addAll(theirs);
        }
        if (!looked.isEmpty()) {
            records.recordLooks(looked, "Saw the invoices waiting to be checked");
        }
        return things;
    }

    private List<ThingToDo> disputesToSettle(SignedInUser me) {
        // counted as the payments and disputes page lists them: one line per booking in dispute
        long disputes = jdbc.sql("SELECT COUNT(DISTINCT p.id) FROM purchase p JOIN invoice d ON d.purchase_id = p.id "
                + "JOIN budget_holder a ON a.id = p.holder_id WHERE d.status = 'DISPUTED' AND a.area_id = ?")
                .param(me.areaId()).query(Long.class).single();
        return disputes == 0 ? List.of() : List.of(new ThingToDo(disputes == 1 ? "A booking with an invoice in "
                + "dispute to settle" : disputes + " bookings with an invoice in dispute to settle", disputes, null,
                "Settle them", "/commissioner/payments"));
    }
}
