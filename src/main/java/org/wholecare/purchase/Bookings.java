package org.wholecare.purchase;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.brokerage.Proposals;
import org.wholecare.brokerage.Proposal;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.pooling.PoolingService;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.SearchService;
import org.wholecare.purchase.internal.PurchaseRecords;
import org.wholecare.purchase.internal.Settlement;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * The holder's side of a purchase: what a booking would cost, booking it (the money is committed
 * in the ledger in the same transaction), their purchases, and cancelling what is not delivered.
 * The holder, their carer or their broker may act, as the holder's consent allows.
 */
@Service
@Transactional(readOnly = true)
public class Bookings {

    public static final int MAX_OCCURRENCES = BookingRules.MAX_OCCURRENCES;

    /** The most of a unit one visit or delivery can sensibly be (the booking rules' limit). */
    public static int maxUnitsPerTime(ListingUnit unit) {
        return BookingRules.maxUnitsPerTime(unit);
    }

    private final JdbcClient jdbc;
    private final PurchaseRecords purchases;
    private final Settlement settlement;
    private final ConsentService consent;
    private final BudgetService budgets;
    private final PoolingService pooling;
    private final SearchService search;
    private final Proposals proposals;
    private final SupportPlanService plans;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    Bookings(JdbcClient jdbc, PurchaseRecords purchases, Settlement settlement, ConsentService consent,
            BudgetService budgets, PoolingService pooling, SearchService search, Proposals proposals,
            SupportPlanService plans, CurrentUser currentUser, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.settlement = settlement;
        this.consent = consent;
        this.budgets = budgets;
        this.pooling = pooling;
        this.search = search;
        this.proposals = proposals;
        this.plans = plans;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The cost and the split across funding streams, and anything that would stop the booking. Saves nothing. */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
    public BookingPreview preview(Booking booking) {
        var who = consent.authorise(booking.holderId(), ConsentScope.PURCHASE, "Looked at the cost of a booking");
        BookingRules.Checked checked = check(booking, who.holder().postcodeDistrict(), proposalFor(booking));
        // mistakes in what was typed are shown at their fields; money problems in the preview itself
        if (!checked.fieldErrors().isEmpty()) {
            throw new ValidationException(checked.fieldErrors());
        }
        return checked.preview();
    }

    /**
     * Books and commits the money at exactly the cost the person was shown ({@code shown}, from
     * {@link #preview}), or refuses with every problem and changes nothing. If the price, the split
     * or the dates have changed since (a provider changed the price, the funders' agreement
     * changed), it is refused with the new cost, for the person to check and confirm again.
     */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
    @Transactional
    public Purchase book(Booking booking, @Nullable BookingPreview shown) {
        var who = consent.authorise(booking.holderId(), ConsentScope.PURCHASE, "Booked a service");
        String requestKey = key(booking);
        var earlier = jdbc.sql("SELECT id FROM purchase WHERE request_key = ?").param(requestKey)
                .query(Long.class).optional();
        if (earlier.isPresent()) {
            return purchases.purchase(earlier.get());
        }
        Proposal proposal = proposalFor(booking);
        if (proposal != null && bookedProposals(booking.holderId()).contains(proposal.id())) {
            throw ValidationException.of("", "This proposal is already booked. See it under Purchases.");
        }
        BookingRules.Checked checked = check(booking, who.holder().postcodeDistrict(), proposal);
        if (!checked.preview().canBook()) {
            throw new ValidationException(checked.errors());
        }
        if (shown == null) {
            throw new CostChangedException(checked.preview(), "Check the cost before confirming the booking.");
        }
        if (!checked.preview().sameCostAs(shown)) {
            throw new CostChangedException(checked.preview(), "The cost has changed since you checked it: it is now "
                    + Money.format(checked.preview().totalPence()) + " (you were shown " + Money.format(shown.totalPence())
                    + "). Nothing has been booked. Look at the new cost below and confirm again if you still want it.");
        }
        Listing listing = checked.listing();
        BudgetSummary budget = checked.budget();
        var committed = budgets.commitForCategory(budget.id(), listing.categoryId(), checked.preview().totalPence(),
                "Booked " + listing.title() + " from " + listing.providerName(), "purchase:" + requestKey);
        if (!committed.split().parts().equals(checked.preview().split())) {
            // the budget changed between the check and the commit: nothing is kept (this rolls back)
            throw new CostChangedException(checked.preview(), "How the cost is shared changed while you booked. "
                    + "Nothing has been booked. Check the cost again.");
        }
        var id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO purchase (holder_id, budget_id, listing_id, provider_id, category_id, title, unit,
                  unit_price_pence, quantity, frequency, occurrences, start_date, end_date, total_pence, plan_line,
                  status, commit_entry_id, proposal_id, request_key, created_by, grant_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?)""")
                .params(booking.holderId(), budget.id(), listing.id(), listing.organisationId(), listing.categoryId(),
                        listing.title(), listing.unit().name(), checked.preview().unitPricePence(), checked.quantity(),
                        booking.frequency().name(), checked.occurrences(), Date.valueOf(booking.startDate()),
                        Date.valueOf(checked.preview().endDate()), checked.preview().totalPence(),
                        blankToNull(booking.planLine()), committed.entryId(), booking.proposalId(), requestKey,
                        who.actorAccountId(), who.grantId(), purchases.now())
                .update(id);
        long purchaseId = id.getKey().longValue();
        for (StreamAmount part : committed.split().parts()) {
            if (part.pence() > 0) {
                purchases.streamCommitted(purchaseId, part.stream(), part.pence());
            }
        }
        // told in the same transaction: the provider's email is queued only if the booking is kept
        events.publishEvent(new BookingRequested(purchaseId, listing.organisationId()));
        return purchases.purchase(purchaseId);
    }

    /** A holder's purchases, newest first; for anyone the holder's consent lets look. */
    @PreAuthorize("isAuthenticated()")
    public List<Purchase> purchasesOf(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at purchases");
        return purchases.where("p.holder_id = ?", "p.created_at DESC, p.id DESC", holderId);
    }

    /** Proposals already turned into purchases, so they are not booked twice. */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> bookedProposals(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at purchases");
        return Set.copyOf(jdbc.sql("SELECT proposal_id FROM purchase WHERE holder_id = ? AND proposal_id "
                + "IS NOT NULL AND status NOT IN ('DECLINED', 'CANCELLED')").param(holderId).query(Long.class).list());
    }

    /** Cancels what is not delivered yet; the money still set aside goes back to the budget. */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE, Roles.BROKER})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase cancel(long purchaseId) {
        purchases.lock(purchaseId);
        Purchase p = purchases.purchase(purchaseId);
        consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Cancelled a booking");
        if (p.status() != Purchase.Status.REQUESTED && p.status() != Purchase.Status.ACCEPTED) {
            throw ValidationException.of("", "This booking is already " + p.status().name().toLowerCase(Locale.UK) + ".");
        }
        if (purchases.openInvoices(purchaseId).count() > 0) {
            throw ValidationException.of("", "An invoice for this booking is waiting to be confirmed or settled. "
                    + "Deal with it first.");
        }
        if (p.unitsDelivered() > p.unitsInvoiced()) {
            throw ValidationException.of("", "The provider has delivered " + (p.unitsDelivered() - p.unitsInvoiced())
                    + " " + p.unit() + "s not invoiced yet. Cancel once they are invoiced.");
        }
        settlement.releaseRest(p, "Cancelled: " + p.title());
        purchases.move(purchaseId, p.status(), Purchase.Status.CANCELLED, "cancelled_by = ?, cancelled_at = ?",
                currentUser.require().accountId(), purchases.now());
        return purchases.purchase(purchaseId);
    }

    /**
     * The accepted proposal a booking comes from, checked: it must be this holder's, accepted, and
     * for the same service and amount; it then sets the price (a provider's quote, if there was one).
     */
    private @Nullable Proposal proposalFor(Booking booking) {
        if (booking.proposalId() == null) {
            return null;
        }
        Proposal proposal = proposals.of(booking.holderId()).stream()
                .filter(p -> p.id() == booking.proposalId()).findFirst()
                .orElseThrow(() -> ValidationException.of("", "That proposal is not one of this person's."));
        if (proposal.status() != Proposal.Status.ACCEPTED) {
            throw ValidationException.of("", "Only an accepted proposal can be booked. This one is "
                    + proposal.status().name().toLowerCase(Locale.UK) + ".");
        }
        if (!Objects.equals(booking.listingId(), proposal.listingId()) || booking.quantity() == null
                || booking.quantity().compareTo(java.math.BigDecimal.valueOf(proposal.quantity())) != 0) {
            throw ValidationException.of("", "A booking from a proposal must be for the service and amount proposed. "
                    + "Ask for a new proposal to change it.");
        }
        return proposal;
    }

    /** Gathers what the booking rules need (the listing, the plan, the budget and its money), then asks them. */
    private BookingRules.Checked check(Booking booking, String district, @Nullable Proposal proposal) {
        Listing listing = null;
        if (booking.listingId() != null) {
            try {
                listing = search.listing(booking.listingId(), district).listing();
            } catch (AccessDeniedException e) {
                listing = null;
            }
        }
        Long unitPrice = listing == null ? null : proposal != null ? proposal.unitPricePence() : listing.pricePence();
        Set<String> planLines = plans.agreed(booking.holderId()).map(plan -> plan.lines().stream()
                .map(SupportPlan.Line::description).collect(Collectors.toSet())).orElse(Set.of());
        BudgetSummary budget = budgets.currentBudget(booking.holderId()).orElse(null);
        ServiceCategory category = null;
        BudgetBalance balance = null;
        if (budget != null && listing != null) {
            long categoryId = listing.categoryId();
            category = pooling.categories(budget.areaId()).stream().filter(c -> c.id() == categoryId).findFirst()
                    .orElse(null);
            balance = budgets.overview(budget.id()).balance();
        }
        long areaId = budget == null ? 0 : budget.areaId();
        Listing chosen = listing;
        BudgetBalance money = balance;
        return BookingRules.check(new BookingRules.Facts(booking, listing, unitPrice, planLines, budget, category,
                UkTime.today(clock), total -> pooling.apportion(areaId, chosen.categoryId(), total, money)));
    }

    private static String key(Booking booking) {
        // without a key from the form every booking is new
        return booking.holderId() + ":" + (booking.requestKey() == null ? UUID.randomUUID().toString()
                : booking.requestKey());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
