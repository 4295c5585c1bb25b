package org.wholecare.oversight;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.AreaBudgets;
import org.wholecare.budget.AreaSettings;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.SpendingForecast;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderLooks;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.AreaBooks;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.SearchService;
import org.wholecare.payment.Payouts;
import org.wholecare.plan.AreaPlans;
import org.wholecare.pooling.PoolingService;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.purchase.PurchaseKinds;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;

/**
 * The budgets in a commissioner's area that need someone to look, and why: commissioners work
 * from these exceptions instead of browsing everyone's records. Each person listed has it in
 * their "Who has looked" log, as does opening their record from here.
 */
@Service
@Transactional
public class NeedsAttention {

    public enum Reason {
        RUNS_OUT("May run out before the budget ends"),
        SURPLUS("On track to leave too much unspent"),
        REVIEW_OVERDUE("Support plan review overdue"),
        OFF_PLAN("Spending on support the plan does not mention"),
        HIGH_PRICE("Price well above the typical price"),
        DISPUTE("Invoice in dispute"),
        PAYMENT_FAILED("Payment to a provider failed");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One thing to look at: whose, why, and the figures that make it so. */
    public record Item(long holderId, String holderName, Reason reason, String detail) {
    }

    private final AreaBudgets budgets;
    private final AreaBooks books;
    private final AreaSettings settings;
    private final AreaPlans plans;
    private final PurchaseKinds purchases;
    private final Payouts payouts;
    private final SearchService search;
    private final PoolingService pooling;
    private final HolderDirectory holders;
    private final HolderLooks looks;
    private final CurrentUser currentUser;
    private final Clock clock;

    NeedsAttention(AreaBudgets budgets, AreaBooks books, AreaSettings settings, AreaPlans plans,
            PurchaseKinds purchases, Payouts payouts, SearchService search, PoolingService pooling,
            HolderDirectory holders, HolderLooks looks, CurrentUser currentUser, Clock clock) {
        this.budgets = budgets;
        this.books = books;
        this.settings = settings;
        this.plans = plans;
        this.purchases = purchases;
        this.payouts = payouts;
        this.search = search;
        this.pooling = pooling;
        this.holders = holders;
        this.looks = looks;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Everything in the caller's area that needs attention today, by reason and then by name. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<Item> inMyArea() {
        long areaId = java.util.Objects.requireNonNull(currentUser.require().areaId(), "a commissioner has an area");
        LocalDate today = UkTime.today(clock);
        AreaSettings.Setting setting = settings.of(areaId);
        Map<Long, HolderSummary> people = new HashMap<>();
        holders.inArea(areaId).forEach(h -> people.put(h.id(), h));
        List<Item> items = new ArrayList<>();
        money(areaId, today, setting, people, items);
        plansAndPrices(areaId, today, setting, people, items);
        purchases.openDisputesInMyArea().forEach((holderId, n) -> add(items, people, holderId, Reason.DISPUTE,
                n + (n == 1 ? " invoice is" : " invoices are") + " in dispute, waiting for a decision on Payments "
                        + "and disputes."));
        payouts.failedInMyArea().forEach((holderId, n) -> add(items, people, holderId, Reason.PAYMENT_FAILED,
                n + (n == 1 ? " payment" : " payments") + " to a provider failed. Record how it was paid on "
                        + "Payments and disputes."));
        items.sort(Comparator.comparing(Item::reason).thenComparing(Item::holderName).thenComparing(Item::detail));
        looks.recordLooks(items.stream().map(Item::holderId).distinct().toList(), "Saw in the needs-attention list");
        return List.copyOf(items);
    }

    /** Budgets running today whose money, at its pace so far, runs out early or leaves too much. */
    private void money(long areaId, LocalDate today, AreaSettings.Setting setting, Map<Long, HolderSummary> people,
            List<Item> items) {
        Map<Long, BudgetSummary> running = new HashMap<>();
        budgets.runningIn(areaId, today, today).forEach(b -> running.put(b.id(), b));
        for (AreaBooks.Book book : books.books(areaId, today, today, clock.instant())) {
            BudgetSummary budget = running.get(book.budgetId());
            if (budget == null) {
                continue;
            }
            var balance = book.balance();
            SpendingForecast f = SpendingForecast.of(budget.startDate(), budget.endDate(), today, balance.allocated(),
                    balance.spent() + balance.committed(), setting.surplusThresholdWeeks());
            // as on the person's own page, a rate is not judged in a budget's first fortnight
            if (!f.started() || f.daysElapsed() < SpendingForecast.FIRST_FORTNIGHT) {
                continue;
            }
            if (f.runsOutOn() != null) {
                add(items, people, budget.holderId(), Reason.RUNS_OUT, "At the rate so far the money runs out on "
                        + UkTime.day(f.runsOutOn()) + "; the budget ends on " + UkTime.day(budget.endDate()) + ".");
            } else if (f.overSurplusThreshold()) {
                add(items, people, budget.holderId(), Reason.SURPLUS, Money.format(f.projectedUnspentPence())
                        + " would be left unspent: more than " + f.surplusThresholdWeeks() + " weeks of planned "
                        + "spending (" + Money.format(f.surplusThresholdPence()) + ").");
            }
        }
    }

    /** Overdue reviews, bookings of a kind the plan does not mention, and prices well above the typical. */
    private void plansAndPrices(long areaId, LocalDate today, AreaSettings.Setting setting,
            Map<Long, HolderSummary> people, List<Item> items) {
        Map<Long, AreaPlans.PlanFacts> agreed = plans.agreedInMyArea();
        agreed.forEach((holderId, plan) -> {
            if (plan.reviewDate().isBefore(today)) {
                add(items, people, holderId, Reason.REVIEW_OVERDUE, "The review was due on "
                        + UkTime.day(plan.reviewDate()) + ".");
            }
        });
        Map<Long, String> kinds = new HashMap<>();
        pooling.categories(areaId).forEach((ServiceCategory c) -> kinds.put(c.id(), c.name()));
        for (PurchaseKinds.Bought b : purchases.boughtInMyArea(today)) {
            String kind = kinds.getOrDefault(b.categoryId(), "another kind of support").toLowerCase(Locale.UK);
            AreaPlans.PlanFacts plan = agreed.get(b.holderId());
            if (plan != null && !plan.kinds().contains(b.categoryId())) {
                add(items, people, b.holderId(), Reason.OFF_PLAN, b.title() + " from " + b.providerName()
                        + ": the agreed plan has no part for " + kind + ".");
            }
            HolderSummary holder = people.get(b.holderId());
            ListingUnit unit = ListingUnit.valueOf(b.unit());
            var typical = holder == null ? java.util.Optional.<Long>empty()
                    : search.typicalPrice(b.categoryId(), holder.postcodeDistrict(), unit);
            if (typical.isPresent() && b.unitPricePence() * 100 > typical.get() * (100L + setting.priceMarginPercent())) {
                long above = (b.unitPricePence() - typical.get()) * 100 / typical.get();
                add(items, people, b.holderId(), Reason.HIGH_PRICE, b.title() + " from " + b.providerName() + " at "
                        + Money.format(b.unitPricePence()) + " per " + unit.label() + ": the typical price in "
                        + holder.postcodeDistrict() + " is " + Money.format(typical.get()) + " (" + above + "% more).");
            }
        }
    }

    private static void add(List<Item> items, Map<Long, HolderSummary> people, long holderId, Reason reason,
            String detail) {
        HolderSummary holder = people.get(holderId);
        if (holder != null) {
            items.add(new Item(holderId, holder.fullName(), reason, detail));
        }
    }
}
