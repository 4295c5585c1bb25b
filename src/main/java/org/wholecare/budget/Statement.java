package org.wholecare.budget;

import org.wholecare.holder.HolderSummary;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.FundingStream;

/**
 * A month of a budget: the balance at the start, every line of every entry, and the balance at
 * the end. Opening plus the lines equals closing, stream by stream, because both come from the ledger.
 */
public record Statement(HolderSummary holder, BudgetSummary budget, YearMonth month, BudgetBalance opening,
        BudgetBalance closing, List<Line> lines) {

    /** One stream's part of one entry: what it did to the allocation, the set-aside, spending and availability. */
    public record Line(Instant postedAt, String description, FundingStream stream, long allocatedChange,
            long committedChange, long spentChange, long availableChange) {
    }

    public long totalAvailableChange(FundingStream stream) {
        return total(Line::availableChange, stream);
    }

    public long total(java.util.function.ToLongFunction<Line> figure, FundingStream stream) {
        return lines.stream().filter(l -> l.stream() == stream).mapToLong(figure).sum();
    }
}
