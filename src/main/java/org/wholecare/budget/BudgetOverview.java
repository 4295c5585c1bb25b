package org.wholecare.budget;

import org.wholecare.holder.HolderSummary;

import java.util.List;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.LedgerEntryView;

/** Everything the budget page shows, read in one go so its figures agree with each other. */
public record BudgetOverview(HolderSummary holder, BudgetSummary budget, BudgetBalance balance,
        SpendingForecast forecast, List<LedgerEntryView> recentEntries, List<MonthlySpend> spendByMonth) {

    /** What was spent (paid) and set aside in one month of the period, in pence. */
    public record MonthlySpend(java.time.YearMonth month, long spentPence, long committedPence) {
    }
}
