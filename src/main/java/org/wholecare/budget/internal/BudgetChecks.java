package org.wholecare.budget.internal;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.NewBudget;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.FundingStream;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.shared.Money;
import org.wholecare.shared.ValidationException;

/** What a new budget must be before anything is written: every problem found at once, at its field. */
@Component
public class BudgetChecks {

    private final JdbcClient jdbc;
    private final OrganisationService organisations;

    BudgetChecks(JdbcClient jdbc, OrganisationService organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    public void check(NewBudget request, HolderSummary holder) {
        var errors = new ValidationException.Collector();
        checkPeriodAndManagement(request, holder, errors);
        checkAllocations(request, errors);
        errors.throwIfAny();
    }

    /** The budget's dates (inside two years, not overlapping another) and who holds the money. */
    private void checkPeriodAndManagement(NewBudget request, HolderSummary holder, ValidationException.Collector errors) {
        if (request.startDate() == null) {
            errors.add("startDate", "Enter the date the budget starts.");
        }
        if (request.endDate() == null) {
            errors.add("endDate", "Enter the date the budget ends.");
        }
        if (request.startDate() != null && request.endDate() != null) {
            if (!request.endDate().isAfter(request.startDate())) {
                errors.add("endDate", "The end date must be after the start date.");
            } else if (request.endDate().isAfter(request.startDate().plusYears(2))) {
                errors.add("endDate", "A budget can cover at most two years. Set up the next one when this ends.");
            } else if (overlaps(holder.id(), request.startDate(), request.endDate())) {
                errors.add("startDate", "This person already has a budget for some of these dates.");
            }
        }
        if (request.management() == null) {
            errors.add("management", "Choose how the budget is managed.");
        } else if (request.management() == BudgetManagement.THIRD_PARTY) {
            var brokerage = request.brokerageOrganisationId() == null ? null
                    : organisations.organisation(request.brokerageOrganisationId()).orElse(null);
            if (brokerage == null || brokerage.type() != OrganisationType.BROKERAGE
                    || brokerage.areaId() != holder.areaId()) {
                errors.add("brokerage", "Choose the brokerage that will hold the money.");
            }
        }
    }

    /** Each stream's allocation and how it was worked out; something must be allocated. */
    private static void checkAllocations(NewBudget request, ValidationException.Collector errors) {
        long total = 0;
        for (FundingStream stream : FundingStream.values()) {
            long pence = request.allocations().getOrDefault(stream, 0L);
            String calculation = request.calculations().getOrDefault(stream, "");
            calculation = calculation == null ? "" : calculation.strip();
            String field = "amount-" + stream.name();
            if (pence < 0) {
                errors.add(field, "An allocation cannot be negative.");
            } else if (pence > BudgetService.MAX_ALLOCATION_PENCE) {
                errors.add(field, "That is more than " + Money.format(BudgetService.MAX_ALLOCATION_PENCE)
                        + ". Check the amount: it looks like a typing slip.");
            } else if (stream == FundingStream.PRIVATE_TOP_UP && pence > 0) {
                errors.add(field, "The private top-up starts at £0.00. The person adds to it by card.");
            } else if (pence > 0 && calculation.isEmpty()) {
                errors.add("calculation-" + stream.name(), "Say how this amount was worked out, for example "
                        + "10 hours a week at £24.50 an hour for 52 weeks.");
            }
            if (calculation.length() > 500) {
                errors.add("calculation-" + stream.name(), "Keep this to 500 characters or fewer.");
            }
            total += Math.max(pence, 0);
        }
        if (total == 0 && !errors.has("amount-" + FundingStream.NHS_HEALTH.name())) {
            errors.add("amount-" + FundingStream.NHS_HEALTH.name(),
                    "Allocate some money to at least one stream. A budget of £0.00 cannot buy anything.");
        }
    }

    private boolean overlaps(long holderId, LocalDate start, LocalDate end) {
        return jdbc.sql("SELECT COUNT(*) FROM budget WHERE holder_id = ? AND start_date <= ? AND end_date >= ?")
                .params(holderId, Date.valueOf(end), Date.valueOf(start)).query(Long.class).single() > 0;
    }

}
