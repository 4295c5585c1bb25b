package org.wholecare.budget;

import org.jspecify.annotations.Nullable;
import org.wholecare.holder.BudgetManagement;

import java.time.LocalDate;
import java.util.Map;
import org.wholecare.ledger.FundingStream;

/**
 * A commissioner's new budget: the period, how it is managed, and each stream's allocation (in
 * pence) with how it was worked out.
 */
public record NewBudget(long holderId, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
        @Nullable BudgetManagement management, @Nullable Long brokerageOrganisationId,
        Map<FundingStream, Long> allocations, Map<FundingStream, String> calculations) {
}
