package org.wholecare.budget;

import org.jspecify.annotations.Nullable;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.consent.ConsentService;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentScope;

import org.wholecare.shared.UkTime;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.LedgerService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.AccountSummary;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * What a broker's or representative's caseload shows of one client, under a single consent check
 * and so a single line in their access log (going through the budget and plan services would
 * check, and log, three times).
 */
@Service
@Transactional(readOnly = true)
public class ClientSummaries {

    private final ConsentService consent;
    private final BudgetService budgets;
    private final SupportPlanService plans;
    private final LedgerService ledger;

    ClientSummaries(ConsentService consent, BudgetService budgets, SupportPlanService plans,
            LedgerService ledger) {
        this.consent = consent;
        this.budgets = budgets;
        this.plans = plans;
        this.ledger = ledger;
    }

    /**
     * What a broker's or representative's caseload shows of one client: the grant they act under,
     * the money available, the forecast and the next plan review (null when there is none).
     */
    public record Glance(ConsentService.Authorised who, @Nullable ConsentGrant grant, @Nullable Long availablePence,
            @Nullable SpendingForecast forecast, @Nullable LocalDate nextReview) {
    }

    /**
     * One client's figures for a caseload, under a single check and so a single line in their access
     * log (going through the budget and plan services would check, and log, three times).
     */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    public Glance glance(long holderId, String action) {
        ConsentService.Authorised who = consent.authorise(holderId, ConsentScope.VIEW, action);
        ConsentGrant grant = consent.grantOf(who).orElse(null);
        Long available = null;
        SpendingForecast forecast = null;
        Long budgetId = who.holder().currentBudgetId();
        Optional<BudgetSummary> budget = budgetId == null ? Optional.empty() : budgets.summary(budgetId);
        if (budget.isPresent()) {
            BudgetBalance balance = ledger.balance(budgetId);
            available = balance.available();
            forecast = budgets.forecast(budget.get(), balance);
        }
        return new Glance(who, grant, available, forecast, plans.agreedReviewDate(holderId).orElse(null));
    }

}
