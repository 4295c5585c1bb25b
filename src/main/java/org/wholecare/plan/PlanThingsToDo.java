package org.wholecare.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.consent.BudgetAccess;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.HolderRecords;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;

/**
 * Support plans: the person's review coming up (or overdue) and, for commissioners, drafts waiting
 * to be agreed in their area.
 */
@Component
@Transactional(readOnly = true)
class PlanThingsToDo implements ThingsToDo {

    /** A review shows this long before it is due, time enough to arrange it. */
    static final int REVIEW_SHOWN_DAYS = 28;

    private final JdbcClient jdbc;
    private final SupportPlanService plans;
    private final HolderDirectory holders;
    private final BudgetAccess access;
    private final HolderRecords records;
    private final CurrentUser currentUser;
    private final Clock clock;

    PlanThingsToDo(JdbcClient jdbc, SupportPlanService plans, HolderDirectory holders, BudgetAccess access,
            HolderRecords records, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.holders = holders;
        this.access = access;
        this.records = records;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public List<ThingToDo> forMe() {
        SignedInUser me = currentUser.require();
        LocalDate today = UkTime.today(clock);
        return switch (me.role()) {
            case BUDGET_HOLDER, REPRESENTATIVE -> reviews(access.peopleWhoseBudgetISee(ConsentScope.VIEW), me, today);
            case COMMISSIONER -> draftsToAgree(me);
            default -> List.of();
        };
    }

    private List<ThingToDo> reviews(List<HolderSummary> people, SignedInUser me, LocalDate today) {
        List<ThingToDo> things = new ArrayList<>();
        List<Long> looked = new ArrayList<>();
        for (HolderSummary h : people) {
            LocalDate due = plans.agreedReviewDate(h.id()).orElse(null);
            if (due == null || due.isAfter(today.plusDays(REVIEW_SHOWN_DAYS))) {
                continue;
            }
            boolean mine = me.role() == Role.BUDGET_HOLDER;
            String whose = mine ? "Your" : h.firstName() + "'s";
            things.add(new ThingToDo(whose + " support plan review is " + (due.isBefore(today) ? "overdue" : "due")
                    + ": ask your commissioner when it will be", 1, due, "See the plan", "/plan"));
            if (!mine) {
                looked.add(h.id());
            }
        }
        if (!looked.isEmpty()) {
            records.recordLooks(looked, "Saw when the support plan review is due");
        }
        return things;
    }

    /** Open drafts of the area's people: newer than any agreed version. */
    private List<ThingToDo> draftsToAgree(SignedInUser me) {
        List<Long> people = holders.inArea(me.areaId()).stream().map(HolderSummary::id).toList();
        long drafts = 0;
        // the area's people are the holder module's to say; a few hundred at a time
        for (int from = 0; from < people.size(); from += 500) {
            List<Long> some = people.subList(from, Math.min(people.size(), from + 500));
            drafts += jdbc.sql("SELECT COUNT(*) FROM support_plan s WHERE s.status = 'DRAFT' AND s.holder_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ") AND s.version > "
                    + "COALESCE((SELECT MAX(a.version) FROM support_plan a WHERE a.holder_id = s.holder_id "
                    + "AND a.status = 'AGREED'), 0)").params(some.toArray()).query(Long.class).single();
        }
        return drafts == 0 ? List.of() : List.of(new ThingToDo(drafts == 1 ? "A support plan waiting to be agreed"
                : drafts + " support plans waiting to be agreed", drafts, null, "Find them", "/commissioner/holders"));
    }
}
