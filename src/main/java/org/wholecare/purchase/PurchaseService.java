package org.wholecare.purchase;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.brokerage.BrokerageService;
import org.wholecare.brokerage.Proposal;
import org.wholecare.budget.HolderRecords;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.ConsentScope;
import org.wholecare.budget.ConsentService;
import org.wholecare.budget.PoolingService;
import org.wholecare.budget.ServiceCategory;
import org.wholecare.budget.SupportPlanService;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.SearchService;
import org.wholecare.payment.PaymentService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * The purchase lifecycle. Booking commits the money in the ledger in the same transaction as the
 * purchase; a decline or cancellation releases what is not needed; a confirmed invoice turns its
 * share of the commitment into spend and asks the payment feature to pay the provider.
 * <p>
 * Every step after booking first locks the purchase's row and reads committed data, so two steps on
 * one purchase (a confirm and a dispute, the overnight auto-confirm and a dispute, two deliveries)
 * happen one after the other and the second sees what the first did.
 */
@Service
@Transactional(readOnly = true)
public class PurchaseService {

    public static final int MAX_OCCURRENCES = 104;

    /** The most of a unit one visit or delivery can sensibly be: more is a typing slip. */
    public static int maxUnitsPerTime(ListingUnit unit) {
        return switch (unit) {
            case HOUR -> 24;
            case DAY -> 31;
            case SESSION -> 50;
            case ITEM -> 500;
        };
    }

    private final JdbcClient jdbc;
    private final ConsentService consent;
    private final BudgetService budgets;
    private final PoolingService pooling;
    private final SearchService search;
    private final LedgerService ledger;
    private final PaymentService payments;
    private final CurrentUser currentUser;
    private final BrokerageService brokerage;
    private final HolderRecords records;
    private final SupportPlanService plans;
    private final TransactionTemplate stepTransaction;
    private final Clock clock;
    private final Duration autoConfirmAfter;

    PurchaseService(JdbcClient jdbc, ConsentService consent, BudgetService budgets, PoolingService pooling,
            SearchService search, LedgerService ledger, PaymentService payments, CurrentUser currentUser,
            BrokerageService brokerage, HolderRecords records, SupportPlanService plans,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${wholecare.invoices.auto-confirm-after:14d}") Duration autoConfirmAfter) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.budgets = budgets;
        this.pooling = pooling;
        this.search = search;
        this.ledger = ledger;
        this.payments = payments;
        this.currentUser = currentUser;
        this.brokerage = brokerage;
        this.records = records;
        this.plans = plans;
        this.stepTransaction = new TransactionTemplate(transactions);
        this.stepTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.autoConfirmAfter = autoConfirmAfter;
    }

    /** The cost and the split across funding streams, and anything that would stop the booking. Saves nothing. */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    public BookingPreview preview(Booking booking) {
        var who = consent.authorise(booking.holderId(), ConsentScope.PURCHASE, "Looked at the cost of a booking");
        Checked checked = check(booking, who.holder().postcodeDistrict(), proposalFor(booking));
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
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional
    public Purchase book(Booking booking, BookingPreview shown) {
        var who = consent.authorise(booking.holderId(), ConsentScope.PURCHASE, "Booked a service");
        String requestKey = key(booking);
        var earlier = jdbc.sql("SELECT id FROM purchase WHERE request_key = ?").param(requestKey)
                .query(Long.class).optional();
        if (earlier.isPresent()) {
            return purchase(earlier.get());
        }
        Proposal proposal = proposalFor(booking);
        if (proposal != null && bookedProposals(booking.holderId()).contains(proposal.id())) {
            throw ValidationException.of("", "This proposal is already booked. See it under Purchases.");
        }
        Checked checked = check(booking, who.holder().postcodeDistrict(), proposal);
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
        var id = new org.springframework.jdbc.support.GeneratedKeyHolder();
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
                        who.actorAccountId(), who.grantId(), now())
                .update(id);
        long purchaseId = id.getKey().longValue();
        for (StreamAmount part : committed.split().parts()) {
            if (part.pence() > 0) {
                jdbc.sql("INSERT INTO purchase_stream (purchase_id, stream, committed_pence) VALUES (?, ?, ?)")
                        .params(purchaseId, part.stream().name(), part.pence()).update();
            }
        }
        return purchase(purchaseId);
    }

    /** A holder's purchases, newest first; for anyone the holder's consent lets look. */
    @PreAuthorize("isAuthenticated()")
    public List<Purchase> purchasesOf(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at purchases");
        return purchasesWhere("p.holder_id = ?", "p.created_at DESC, p.id DESC", holderId);
    }

    /** Proposals already turned into purchases, so they are not booked twice. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Set<Long> bookedProposals(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at purchases");
        return java.util.Set.copyOf(jdbc.sql("SELECT proposal_id FROM purchase WHERE holder_id = ? AND proposal_id "
                + "IS NOT NULL AND status NOT IN ('DECLINED', 'CANCELLED')").param(holderId).query(Long.class).list());
    }

    /** How many of the signed-in provider's bookings need them, counted in the database. */
    public record BookingCounts(long waiting, long underway, long invoicesOpen) {
    }

    @RolesAllowed(Roles.PROVIDER)
    public BookingCounts bookingCountsForMe() {
        long provider = currentUser.require().organisationId();
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM purchase WHERE provider_id = ? AND status = 'REQUESTED'),
                       (SELECT COUNT(*) FROM purchase WHERE provider_id = ? AND status = 'ACCEPTED'),
                       (SELECT COUNT(*) FROM invoice i JOIN purchase p ON p.id = i.purchase_id
                         WHERE p.provider_id = ? AND i.status IN ('RAISED', 'DISPUTED'))""")
                .params(provider, provider, provider)
                .query((rs, n) -> new BookingCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Bookings with the signed-in provider's organisation, waiting ones first. */
    @RolesAllowed(Roles.PROVIDER)
    public List<Purchase> bookingsForMe() {
        List<Purchase> bookings = purchasesWhere("p.provider_id = ?", "p.status <> 'REQUESTED', p.created_at DESC, p.id DESC",
                currentUser.require().organisationId());
        records.recordLooks(bookings.stream().map(Purchase::holderId).toList(), "Looked at your bookings with them");
        return bookings;
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase accept(long purchaseId) {
        Purchase p = mineAsProvider(purchaseId);
        requireStatus(p, Purchase.Status.REQUESTED, "This booking has already been answered.");
        jdbc.sql("UPDATE purchase SET status = 'ACCEPTED', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(currentUser.require().accountId(), now(), purchaseId).update();
        records.recordChange(p.holderId(), "Accepted the booking of " + p.title());
        return purchase(purchaseId);
    }

    /** The provider cannot take the booking: the money set aside goes back to the budget. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase decline(long purchaseId, String reason) {
        Purchase p = mineAsProvider(purchaseId);
        requireStatus(p, Purchase.Status.REQUESTED, "This booking has already been answered.");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("reason", "Say why you cannot take this booking, in up to 500 characters.");
        }
        releaseRest(p, "Declined by " + p.providerName() + ": " + why);
        jdbc.sql("UPDATE purchase SET status = 'DECLINED', decided_by = ?, decided_at = ?, decline_reason = ? WHERE id = ?")
                .params(currentUser.require().accountId(), now(), why, purchaseId).update();
        records.recordChange(p.holderId(), "Declined the booking of " + p.title());
        return purchase(purchaseId);
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase recordDelivery(long purchaseId, int units, LocalDate deliveredOn) {
        Purchase p = mineAsProvider(purchaseId);
        requireStatus(p, Purchase.Status.ACCEPTED, "Record delivery on an accepted booking.");
        var errors = new ValidationException.Collector();
        if (units < 1) {
            errors.add("units", "Enter how many " + p.unit() + "s were delivered, 1 or more.");
        } else if (units > p.unitsBooked() - p.unitsDelivered()) {
            errors.add("units", "Only " + (p.unitsBooked() - p.unitsDelivered()) + " more " + p.unit()
                    + "s were booked.");
        }
        if (deliveredOn == null) {
            errors.add("deliveredOn", "Enter the day it was delivered.");
        } else if (deliveredOn.isAfter(today())) {
            errors.add("deliveredOn", "The day delivered cannot be in the future.");
        } else if (deliveredOn.isBefore(p.startDate())) {
            errors.add("deliveredOn", "The booking starts on " + p.startDate() + ".");
        }
        errors.throwIfAny();
        jdbc.sql("INSERT INTO delivery (purchase_id, units, delivered_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(purchaseId, units, Date.valueOf(deliveredOn), currentUser.require().accountId(), now()).update();
        records.recordChange(p.holderId(), "Recorded delivery of " + units + " " + p.unit() + (units == 1 ? "" : "s")
                + " of " + p.title());
        return purchase(purchaseId);
    }

    /** An invoice for delivered units not yet invoiced, never for more than is still set aside. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase raiseInvoice(long purchaseId, int units) {
        Purchase p = mineAsProvider(purchaseId);
        requireStatus(p, Purchase.Status.ACCEPTED, "Invoice an accepted booking.");
        int invoiceable = p.unitsDelivered() - p.unitsInvoiced();
        if (units < 1) {
            throw ValidationException.of("units", "Enter how many delivered " + p.unit() + "s to invoice.");
        }
        if (units > invoiceable) {
            throw ValidationException.of("units", invoiceable == 0 ? "Record the delivery before invoicing it."
                    : "Only " + invoiceable + " delivered " + p.unit() + "s are not invoiced yet.");
        }
        long amount = Math.multiplyExact(p.unitPricePence(), units);
        long pendingInvoices = jdbc.sql("SELECT COALESCE(SUM(amount_pence), 0) FROM invoice WHERE purchase_id = ? "
                + "AND status IN ('RAISED', 'DISPUTED')").param(purchaseId).query(Long.class).single();
        if (amount + pendingInvoices > p.committedPence()) {
            throw ValidationException.of("units", "That is " + Money.format(amount) + ", more than the "
                    + Money.format(p.committedPence() - pendingInvoices) + " still set aside for this booking.");
        }
        jdbc.sql("INSERT INTO invoice (purchase_id, units, amount_pence, status, raised_by, raised_at) "
                        + "VALUES (?, ?, ?, 'RAISED', ?, ?)")
                .params(purchaseId, units, amount, currentUser.require().accountId(), now()).update();
        records.recordChange(p.holderId(), "Sent an invoice for " + Money.format(amount) + " for " + p.title());
        return purchase(purchaseId);
    }

    /** The holder or a delegate with consent to purchase says the invoice is right: it is spent and paid. */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase confirmInvoice(long invoiceId) {
        Purchase p = lockedPurchaseOfInvoice(invoiceId);
        Invoice invoice = invoice(invoiceId);
        var who = consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Confirmed an invoice");
        requireInvoice(invoice, Invoice.Status.RAISED);
        settle(p, invoice, who.actorAccountId(), Invoice.Status.RAISED, null);
        return purchase(p.id());
    }

    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase disputeInvoice(long invoiceId, String reason) {
        Purchase p = lockedPurchaseOfInvoice(invoiceId);
        Invoice invoice = invoice(invoiceId);
        var who = consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Disputed an invoice");
        requireInvoice(invoice, Invoice.Status.RAISED);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("reason", "Say what is wrong with the invoice, in up to 500 characters.");
        }
        moveInvoice(invoiceId, Invoice.Status.RAISED, "UPDATE invoice SET status = 'DISPUTED', decided_by = ?, "
                + "decided_at = ?, dispute_reason = ? WHERE id = ? AND status = 'RAISED'", who.actorAccountId(), now(),
                why, invoiceId);
        return purchase(p.id());
    }

    /** Disputed invoices of holders in the commissioner's area, oldest first. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<Purchase> disputesInMyArea() {
        List<Purchase> disputed = purchasesWhere("p.id IN (SELECT d.purchase_id FROM invoice d WHERE d.status = 'DISPUTED') "
                + "AND p.holder_id IN (SELECT a.id FROM budget_holder a WHERE a.area_id = ?)", "p.id",
                currentUser.require().areaId());
        records.recordLooks(disputed.stream().map(Purchase::holderId).toList(), "Looked at a disputed invoice of yours");
        return disputed;
    }

    /** A commissioner decides a dispute: pay the invoice as it stands, or reject it. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase resolveDispute(long invoiceId, boolean pay, String resolution) {
        Purchase p = lockedPurchaseOfInvoice(invoiceId);
        Invoice invoice = invoice(invoiceId);
        var who = consent.authorise(p.holderId(), ConsentScope.VIEW, "Decided a disputed invoice");
        requireInvoice(invoice, Invoice.Status.DISPUTED);
        String why = resolution == null ? "" : resolution.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("resolution", "Say how the dispute was settled, in up to 500 characters.");
        }
        if (pay) {
            settle(p, invoice, who.actorAccountId(), Invoice.Status.DISPUTED, why);
        } else {
            // the units are settled at nothing: they cannot be invoiced again, and what was set
            // aside for them goes back once nothing else is owed on the booking
            moveInvoice(invoiceId, Invoice.Status.DISPUTED, "UPDATE invoice SET status = 'REJECTED', "
                    + "resolved_by = ?, decided_at = ?, resolution = ? WHERE id = ? AND status = 'DISPUTED'",
                    who.actorAccountId(), now(), why, invoiceId);
            completeIfDone(p.id(), "Nothing more owed for " + p.title() + " after a rejected invoice");
        }
        return purchase(p.id());
    }

    /** Cancels what is not delivered yet; the money still set aside goes back to the budget. */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase cancel(long purchaseId) {
        lock(purchaseId);
        Purchase p = purchase(purchaseId);
        consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Cancelled a booking");
        if (p.status() != Purchase.Status.REQUESTED && p.status() != Purchase.Status.ACCEPTED) {
            throw ValidationException.of("", "This booking is already " + p.status().name().toLowerCase(Locale.UK) + ".");
        }
        long open = jdbc.sql("SELECT COUNT(*) FROM invoice WHERE purchase_id = ? AND status IN ('RAISED', 'DISPUTED')")
                .param(purchaseId).query(Long.class).single();
        if (open > 0) {
            throw ValidationException.of("", "An invoice for this booking is waiting to be confirmed or settled. "
                    + "Deal with it first.");
        }
        if (p.unitsDelivered() > p.unitsInvoiced()) {
            throw ValidationException.of("", "The provider has delivered " + (p.unitsDelivered() - p.unitsInvoiced())
                    + " " + p.unit() + "s not invoiced yet. Cancel once they are invoiced.");
        }
        releaseRest(p, "Cancelled: " + p.title());
        jdbc.sql("UPDATE purchase SET status = 'CANCELLED', cancelled_by = ?, cancelled_at = ? WHERE id = ?")
                .params(currentUser.require().accountId(), now(), purchaseId).update();
        return purchase(purchaseId);
    }

    /**
     * Invoices nobody confirmed or disputed within the set time are confirmed. Each is settled in
     * its own transaction under the purchase's lock and only if it is still waiting then, so a
     * dispute made while this runs wins.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int confirmOverdueInvoices() {
        Timestamp before = Timestamp.from(clock.instant().minus(autoConfirmAfter));
        List<Long> due = jdbc.sql("SELECT id FROM invoice WHERE status = 'RAISED' AND raised_at < ? ORDER BY id")
                .param(before).query(Long.class).list();
        int confirmed = 0;
        for (long id : due) {
            Boolean done = stepTransaction.execute(status -> {
                Purchase p = lockedPurchaseOfInvoice(id);
                Invoice invoice = invoice(id);
                if (invoice.status() != Invoice.Status.RAISED || !invoice.raisedAt().isBefore(before.toInstant())) {
                    return false;
                }
                settle(p, invoice, null, Invoice.Status.RAISED, "Confirmed automatically: not disputed within "
                        + autoConfirmAfter.toDays() + " days");
                return true;
            });
            confirmed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return confirmed;
    }

    /**
     * Whether a holder has a verified purchase from this provider, what a review needs: something
     * delivered, invoiced and confirmed (by them, their delegate, a commissioner or the auto-confirm).
     */
    boolean hasVerifiedPurchase(long holderAccountId, long providerOrganisationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM purchase p JOIN budget_holder h ON h.id = p.holder_id
                JOIN invoice i ON i.purchase_id = p.id
                WHERE h.account_id = ? AND p.provider_id = ? AND i.status = 'CONFIRMED'""")
                .params(holderAccountId, providerOrganisationId).query(Long.class).single() > 0;
    }

    // --- internals ---------------------------------------------------------------------------

    private record Checked(BookingPreview preview, Map<String, String> errors, Map<String, String> fieldErrors,
            Listing listing, BudgetSummary budget, int quantity, int occurrences) {
    }

    /**
     * The accepted proposal a booking comes from, checked: it must be this holder's, accepted, and
     * for the same service and amount; it then sets the price (a provider's quote, if there was one).
     */
    private Proposal proposalFor(Booking booking) {
        if (booking.proposalId() == null) {
            return null;
        }
        Proposal proposal = brokerage.proposals(booking.holderId()).stream()
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

    private Checked check(Booking booking, String district, Proposal proposal) {
        var errors = new ValidationException.Collector();
        List<String> problems = new ArrayList<>();
        Listing listing = null;
        long unitPrice = 0;
        if (booking.listingId() == null) {
            errors.add("listing", "Choose the service to book.");
        } else {
            try {
                listing = search.listing(booking.listingId(), district).listing();
                if (!listing.visible()) {
                    listing = null;
                }
            } catch (AccessDeniedException e) {
                listing = null;
            }
            if (listing == null) {
                errors.add("listing", "This service cannot be booked at the moment: the provider has paused it, "
                        + "or is not verified.");
            } else {
                unitPrice = proposal != null ? proposal.unitPricePence() : listing.pricePence();
            }
        }
        int quantity = 0;
        String unitName = listing == null ? "unit" : listing.unit().label();
        if (booking.quantity() == null) {
            errors.add("quantity", "Enter how many " + unitName + "s, 1 or more.");
        } else if (booking.quantity().signum() <= 0) {
            errors.add("quantity", "Enter how many " + unitName + "s, 1 or more.");
        } else if (booking.quantity().stripTrailingZeros().scale() > 0) {
            errors.add("quantity", "Book whole " + unitName + "s, for example 1 or 2. For a shorter visit, ask the "
                    + "provider for a price per visit.");
        } else if (listing != null && booking.quantity().compareTo(
                java.math.BigDecimal.valueOf(maxUnitsPerTime(listing.unit()))) > 0) {
            errors.add("quantity", "That is more than " + maxUnitsPerTime(listing.unit()) + " " + unitName
                    + "s at a time. Check the number.");
        } else if (booking.quantity().compareTo(java.math.BigDecimal.valueOf(maxUnitsPerTime(ListingUnit.ITEM))) > 0) {
            errors.add("quantity", "That is more than " + maxUnitsPerTime(ListingUnit.ITEM) + " at a time. "
                    + "Check the number.");
        } else {
            quantity = booking.quantity().intValueExact();
        }
        if (booking.frequency() == null) {
            errors.add("frequency", "Choose once, every week or every month.");
        }
        int occurrences = booking.frequency() == Booking.Frequency.ONE_OFF ? 1 : booking.occurrences();
        if (booking.frequency() != null && booking.frequency() != Booking.Frequency.ONE_OFF
                && (occurrences < 1 || occurrences > MAX_OCCURRENCES)) {
            errors.add("occurrences", "Enter for how many " + (booking.frequency() == Booking.Frequency.WEEKLY
                    ? "weeks" : "months") + ", from 1 to " + MAX_OCCURRENCES + ".");
        }
        LocalDate today = today();
        if (booking.startDate() == null) {
            errors.add("startDate", "Choose the day it starts.");
        } else if (booking.startDate().isBefore(today)) {
            errors.add("startDate", "The start cannot be in the past.");
        }
        if (booking.planLine() != null && !booking.planLine().isBlank()) {
            boolean inPlan = plans.agreed(booking.holderId()).map(plan -> plan.lines().stream()
                    .anyMatch(line -> line.description().equals(booking.planLine().strip()))).orElse(false);
            if (!inPlan) {
                errors.add("planLine", "Choose a part of the agreed support plan, or 'Not part of the plan'.");
            }
        }
        BudgetSummary budget = budgets.currentBudget(booking.holderId()).orElse(null);
        if (budget == null) {
            errors.add("", "There is no budget to book from yet.");
        }
        LocalDate end = null;
        long total = 0;
        List<StreamAmount> split = List.of();
        if (errors.isEmpty()) {
            end = switch (booking.frequency()) {
                case ONE_OFF -> booking.startDate();
                case WEEKLY -> booking.startDate().plusWeeks(occurrences - 1L);
                case MONTHLY -> booking.startDate().plusMonths(occurrences - 1L);
            };
            if (end.isAfter(budget.endDate())) {
                errors.add("occurrences", "That runs past the end of the budget on " + budget.endDate() + ".");
            }
            total = Math.multiplyExact(Math.multiplyExact(unitPrice, quantity), occurrences);
            long categoryId = listing.categoryId();
            ServiceCategory category = pooling.categories(budget.areaId()).stream()
                    .filter(c -> c.id() == categoryId).findFirst().orElse(null);
            if (category == null || category.excluded()) {
                problems.add("Budgets cannot pay for " + listing.categoryName().toLowerCase(Locale.UK) + ".");
            } else {
                split = pooling.apportion(budget.areaId(), listing.categoryId(), total).parts();
                var balance = budgets.overview(budget.id()).balance();
                for (StreamAmount part : split) {
                    long available = balance.stream(part.stream()).available();
                    if (part.pence() > available) {
                        problems.add(part.stream().label() + " would pay " + Money.format(part.pence()) + " but has only "
                                + Money.format(available) + " left.");
                    }
                }
            }
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(errors.fieldErrors());
        problems.forEach(problem -> all.merge("", problem, (a, b) -> a + " " + b));
        problems.addAll(0, errors.fieldErrors().values());
        BookingPreview preview = new BookingPreview(listing == null ? "" : listing.title(),
                listing == null ? "" : listing.providerName(), unitPrice,
                listing == null ? "" : listing.unit().label(), quantity, occurrences, end, total, split,
                List.copyOf(problems));
        return new Checked(preview, all, new java.util.LinkedHashMap<>(errors.fieldErrors()), listing, budget,
                quantity, occurrences);
    }

    private void settle(Purchase p, Invoice invoice, Long actor, Invoice.Status from, String resolution) {
        List<StreamAmount> parts = share(p.id(), invoice.amountPence());
        var entry = ledger.spend(budgetOf(p.id()), parts, new LedgerRequest(actor, holderAccount(p.holderId()),
                "Invoice " + invoice.id() + " from " + p.providerName() + " for " + invoice.units() + " " + p.unit()
                        + "s of " + p.title(), "invoice:" + invoice.id() + ":spend", "purchase:" + p.id()));
        for (StreamAmount part : parts) {
            jdbc.sql("UPDATE purchase_stream SET spent_pence = spent_pence + ? WHERE purchase_id = ? AND stream = ?")
                    .params(part.pence(), p.id(), part.stream().name()).update();
        }
        if (from == Invoice.Status.DISPUTED) {
            moveInvoice(invoice.id(), from, "UPDATE invoice SET status = 'CONFIRMED', resolved_by = ?, decided_at = ?, "
                    + "resolution = ?, spend_entry_id = ? WHERE id = ? AND status = 'DISPUTED'", actor, now(),
                    resolution, entry.id(), invoice.id());
        } else {
            moveInvoice(invoice.id(), from, "UPDATE invoice SET status = 'CONFIRMED', decided_by = ?, decided_at = ?, "
                    + "resolution = ?, spend_entry_id = ? WHERE id = ? AND status = 'RAISED'", actor, now(),
                    resolution, entry.id(), invoice.id());
        }
        payments.request(invoice.id(), entry.id(), p.providerId(), invoice.amountPence(),
                "Wholecare invoice " + invoice.id() + ": " + p.title());
        completeIfDone(p.id(), "Nothing more owed for " + p.title());
    }

    /**
     * A booking whose every unit is invoiced and settled (paid or rejected) is complete; anything
     * still set aside for it goes back to the budget.
     */
    private void completeIfDone(long purchaseId, String reason) {
        Purchase now = purchase(purchaseId);
        long open = jdbc.sql("SELECT COUNT(*) FROM invoice WHERE purchase_id = ? AND status IN ('RAISED', 'DISPUTED')")
                .param(purchaseId).query(Long.class).single();
        if (now.status() == Purchase.Status.ACCEPTED && open == 0 && now.unitsInvoiced() >= now.unitsBooked()) {
            releaseRest(now, reason);
            jdbc.sql("UPDATE purchase SET status = 'COMPLETED' WHERE id = ? AND status = 'ACCEPTED'").param(purchaseId)
                    .update();
        }
    }

    /** Moves an invoice on only from the status it was read in; anything else means someone got there first. */
    private void moveInvoice(long invoiceId, Invoice.Status from, String update, Object... params) {
        if (jdbc.sql(update).params(params).update() != 1) {
            throw ValidationException.of("", "This invoice changed while you were looking at it. It is no longer "
                    + from.name().toLowerCase(Locale.UK) + ". Refresh the page to see where it stands.");
        }
    }

    /** Takes the purchase's row lock: every step after booking goes through here first. */
    private void lock(long purchaseId) {
        jdbc.sql("SELECT id FROM purchase WHERE id = ? FOR UPDATE").param(purchaseId).query(Long.class).optional()
                .orElseThrow(() -> new AccessDeniedException("No such booking"));
    }

    private Purchase lockedPurchaseOfInvoice(long invoiceId) {
        long purchaseId = jdbc.sql("SELECT purchase_id FROM invoice WHERE id = ?").param(invoiceId).query(Long.class)
                .optional().orElseThrow(() -> new AccessDeniedException("No such invoice"));
        lock(purchaseId);
        return purchase(purchaseId);
    }

    /** Splits an amount across the streams still holding this purchase's money, in proportion (largest remainder). */
    private List<StreamAmount> share(long purchaseId, long amount) {
        record Left(FundingStream stream, long pence) {
        }
        List<Left> left = jdbc.sql("SELECT stream, committed_pence - spent_pence - released_pence FROM purchase_stream "
                        + "WHERE purchase_id = ? ORDER BY stream")
                .param(purchaseId).query((rs, n) -> new Left(FundingStream.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().stream().filter(l -> l.pence() > 0).toList();
        long total = left.stream().mapToLong(Left::pence).sum();
        if (amount > total) {
            throw ValidationException.of("", "The invoice is more than is still set aside for this booking.");
        }
        long[] parts = new long[left.size()];
        long[] remainders = new long[left.size()];
        long given = 0;
        for (int i = 0; i < left.size(); i++) {
            long exact = Math.multiplyExact(amount, left.get(i).pence());
            parts[i] = exact / total;
            remainders[i] = exact % total;
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparing(i -> i));
        for (int k = 0; given < amount; k++, given++) {
            parts[order.get(k)]++;
        }
        List<StreamAmount> result = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            if (parts[i] > 0) {
                result.add(new StreamAmount(left.get(i).stream(), parts[i]));
            }
        }
        return result;
    }

    private void releaseRest(Purchase p, String reason) {
        record Left(FundingStream stream, long pence) {
        }
        List<Left> left = jdbc.sql("SELECT stream, committed_pence - spent_pence - released_pence FROM purchase_stream "
                        + "WHERE purchase_id = ?").param(p.id())
                .query((rs, n) -> new Left(FundingStream.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .stream().filter(l -> l.pence() > 0).toList();
        if (left.isEmpty()) {
            return;
        }
        ledger.release(budgetOf(p.id()), left.stream().map(l -> new StreamAmount(l.stream(), l.pence())).toList(),
                new LedgerRequest(currentUser.find().map(SignedInUser::accountId).orElse(null),
                        holderAccount(p.holderId()), reason, "purchase:" + p.id() + ":release", "purchase:" + p.id()));
        for (Left l : left) {
            jdbc.sql("UPDATE purchase_stream SET released_pence = released_pence + ? WHERE purchase_id = ? AND stream = ?")
                    .params(l.pence(), p.id(), l.stream().name()).update();
        }
    }

    private Purchase mineAsProvider(long purchaseId) {
        lock(purchaseId);
        Purchase p = purchase(purchaseId);
        if (!Objects.equals(p.providerId(), currentUser.require().organisationId())) {
            throw new AccessDeniedException("Not a booking with your organisation");
        }
        return p;
    }

    private static void requireStatus(Purchase p, Purchase.Status status, String message) {
        if (p.status() != status) {
            throw ValidationException.of("", message);
        }
    }

    private static void requireInvoice(Invoice invoice, Invoice.Status status) {
        if (invoice.status() != status) {
            throw ValidationException.of("", "This invoice is already " + invoice.status().name().toLowerCase(Locale.UK)
                    + ".");
        }
    }

    private Invoice invoice(long invoiceId) {
        return jdbc.sql(INVOICE + "WHERE i.id = ?").param(invoiceId).query(this::mapInvoice).optional()
                .orElseThrow(() -> new AccessDeniedException("No such invoice"));
    }

    private long budgetOf(long purchaseId) {
        return jdbc.sql("SELECT budget_id FROM purchase WHERE id = ?").param(purchaseId).query(Long.class).single();
    }

    private long holderAccount(long holderId) {
        return jdbc.sql("SELECT account_id FROM budget_holder WHERE id = ?").param(holderId).query(Long.class).single();
    }

    private static final String INVOICE = """
            SELECT i.id, i.purchase_id, i.units, i.amount_pence, i.status, i.raised_at, i.dispute_reason, i.resolution
            FROM invoice i\s""";

    private Invoice mapInvoice(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong(1);
        return new Invoice(id, rs.getLong(2), rs.getInt(3), rs.getLong(4), Invoice.Status.valueOf(rs.getString(5)),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), payments.statusOf(id));
    }

    Purchase purchase(long id) {
        return purchasesWhere("p.id = ?", "p.id", id).stream().findFirst()
                .orElseThrow(() -> new org.springframework.dao.EmptyResultDataAccessException(1));
    }

    /**
     * The purchases matching a condition on {@code p}, with their invoices: two queries however many
     * there are. {@code where} and {@code orderBy} are this class's own constants, never input.
     */
    private List<Purchase> purchasesWhere(String where, String orderBy, Object... params) {
        Map<Long, List<Invoice>> invoices = new HashMap<>();
        jdbc.sql(INVOICE + "JOIN purchase p ON p.id = i.purchase_id WHERE " + where + " ORDER BY i.raised_at, i.id")
                .params(params).query(this::mapInvoice).list()
                .forEach(i -> invoices.computeIfAbsent(i.purchaseId(), k -> new ArrayList<>()).add(i));
        return jdbc.sql("""
                SELECT p.id, p.holder_id, h.full_name, p.listing_id, p.provider_id, o.name, p.title, p.unit,
                       p.unit_price_pence, p.quantity, p.frequency, p.occurrences, p.start_date, p.end_date,
                       p.total_pence, p.plan_line, p.status, p.created_at, p.decline_reason,
                       (SELECT COALESCE(SUM(d.units), 0) FROM delivery d WHERE d.purchase_id = p.id),
                       (SELECT COALESCE(SUM(i.units), 0) FROM invoice i WHERE i.purchase_id = p.id),
                       (SELECT COALESCE(SUM(s.spent_pence), 0) FROM purchase_stream s WHERE s.purchase_id = p.id),
                       (SELECT COALESCE(SUM(s.released_pence), 0) FROM purchase_stream s WHERE s.purchase_id = p.id),
                       p.budget_id
                FROM purchase p JOIN budget_holder h ON h.id = p.holder_id JOIN organisation o ON o.id = p.provider_id
                WHERE\s""" + where + " ORDER BY " + orderBy).params(params)
                .query((rs, n) -> new Purchase(rs.getLong(1), rs.getLong(2), rs.getLong(24), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7),
                        org.wholecare.marketplace.ListingUnit.valueOf(rs.getString(8)).label(), rs.getLong(9),
                        rs.getInt(10), Booking.Frequency.valueOf(rs.getString(11)), rs.getInt(12),
                        rs.getDate(13).toLocalDate(), rs.getDate(14).toLocalDate(), rs.getLong(15), rs.getString(16),
                        Purchase.Status.valueOf(rs.getString(17)), rs.getTimestamp(18).toInstant(), rs.getString(19),
                        rs.getInt(10) * rs.getInt(12), rs.getInt(20), rs.getInt(21), rs.getLong(22), rs.getLong(23),
                        List.copyOf(invoices.getOrDefault(rs.getLong(1), List.of()))))
                .list();
    }

    private String key(Booking booking) {
        // without a key from the form every booking is new
        return booking.holderId() + ":" + (booking.requestKey() == null
                ? java.util.UUID.randomUUID().toString() : booking.requestKey());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BudgetService.UK));
    }
}
