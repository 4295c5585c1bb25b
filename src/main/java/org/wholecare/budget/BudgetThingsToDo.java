package org.wholecare.budget;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.consent.BudgetAccess;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.HolderRecords;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.LedgerService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;

/**
 * What the budget itself asks of the person (or whoever may see it for them): its period ends
 * within a fortnight; at the rate it is used it runs out before then; or so much is on track to be
 * left over that the area may take some back. The same forecast the budget page shows.
 */
@Component
@Transactional(readOnly = true)
class BudgetThingsToDo implements ThingsToDo {

    static final int ENDING_WITHIN_DAYS = 14;

    private final BudgetService budgets;
    private final LedgerService ledger;
    private final BudgetAccess access;
    private final HolderRecords records;
    private final CurrentUser currentUser;
    private final Clock clock;

    BudgetThingsToDo(BudgetService budgets, LedgerService ledger, BudgetAccess access,
            HolderRecords records, CurrentUser currentUser, Clock clock) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.access = access;
        this.records = records;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public List<ThingToDo> forMe() {
        SignedInUser me = currentUser.require();
        List<HolderSummary> people = access.peopleWhoseBudgetISee(ConsentScope.VIEW);
        List<ThingToDo> things = new ArrayList<>();
        List<Long> looked = new ArrayList<>();
        for (HolderSummary h : people) {
            List<ThingToDo> theirs = forBudgetOf(h, me.role() == Role.BUDGET_HOLDER ? "your budget"
                    : h.firstName() + "'s budget");
            if (!theirs.isEmpty() && me.role() != Role.BUDGET_HOLDER) {
                looked.add(h.id());
            }
            things.addAll(theirs);
        }
        if (!looked.isEmpty()) {
            records.recordLooks(looked, "Saw how the budget is going, on the home page");
        }
        return things;
    }

    private List<ThingToDo> forBudgetOf(HolderSummary h, String whose) {
        if (h.currentBudgetId() == null) {
            return List.of();
        }
        BudgetSummary budget = budgets.summary(h.currentBudgetId()).orElse(null);
        if (budget == null) {
            return List.of();
        }
        LocalDate today = UkTime.today(clock);
        List<ThingToDo> things = new ArrayList<>();
        if (!today.isAfter(budget.endDate()) && !budget.endDate().isAfter(today.plusDays(ENDING_WITHIN_DAYS))) {
            things.add(new ThingToDo(capital(whose) + " for this period ends: check what is booked after it", 1,
                    budget.endDate(), "See " + whose, "/budget"));
        }
        SpendingForecast f = budgets.forecast(budget, ledger.balance(budget.id()));
        if (f.runsOutOn() != null && f.runsOutOn().isBefore(budget.endDate())) {
            things.add(new ThingToDo("At the rate it is being used, " + whose + " will run out before the period "
                    + "ends", 1, f.runsOutOn(), "See " + whose, "/budget"));
        } else if (f.overSurplusThreshold()) {
            things.add(new ThingToDo("A lot of " + whose + " is on track to be left unspent, and some may be taken "
                    + "back: think about the support you need", 1, null, "See " + whose, "/budget"));
        }
        return things;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
