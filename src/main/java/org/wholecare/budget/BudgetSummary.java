package org.wholecare.budget;

import org.jspecify.annotations.Nullable;
import org.wholecare.holder.BudgetManagement;

import java.time.LocalDate;
import java.util.Map;
import org.wholecare.ledger.FundingStream;

/**
 * @param calculations how each stream's amount was worked out, in the commissioner's words
 */
public record BudgetSummary(long id, long holderId, long areaId, LocalDate startDate, LocalDate endDate,
        BudgetManagement management, @Nullable Long brokerageOrganisationId, Map<FundingStream, String> calculations) {
}
