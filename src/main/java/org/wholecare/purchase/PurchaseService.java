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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.ConsentScope;
import org.wholecare.budget.ConsentService;
import org.wholecare.budget.PoolingService;
import org.wholecare.budget.ServiceCategory;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.marketplace.Listing;
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
 */
@Service
@Transactional(readOnly = true)
public class PurchaseService {

    public static final int MAX_UNITS_PER_TIME = 500;
    public static final int MAX_OCCURRENCES = 104;

    private final JdbcClient jdbc;
    private final ConsentService consent;
    private final BudgetService budgets;
    private final PoolingService pooling;
    private final SearchService search;
    private final LedgerService ledger;
    private final PaymentService payments;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Duration autoConfirmAfter;

    PurchaseService(JdbcClient jdbc, ConsentService consent, BudgetService budgets, PoolingService pooling,
            SearchService search, LedgerService ledger, PaymentService payments, CurrentUser currentUser, Clock clock,
            @Value("${wholecare.invoices.auto-confirm-after:14d}") Duration autoConfirmAfter) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.budgets = budgets;
        this.pooling = pooling;
        this.search = search;
        this.ledger = ledger;
        this.payments = payments;
        this.currentUser = currentUser;
        this.clock = clock;
        this.autoConfirmAfter = autoConfirmAfter;
    }

    /** The cost and the split across funding streams, and anything that would stop the booking. Saves nothing. */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    public BookingPreview preview(Booking booking) {
        var who = consent.authorise(booking.holderId(), ConsentScope.PURCHASE, "Looked at the cost of a booking");
        Checked checked = check(booking, who.holder().postcodeDistrict());
        // mistakes in what was typed are shown at their fields; money problems in the preview itself
        if (!checked.fieldErrors().isEmpty()) {
            throw new ValidationException(checked.fieldErrors());
        }
        return checked.preview();
    }

    /** Books and commits the money, or refuses with every problem and changes nothing. */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional
    public Purchase book(Booking booking) {
        var who = consent.authorise(booking.holderId(), ConsentScope.PURCHASE, "Booked a service");
        String requestKey = key(booking);
        var earlier = jdbc.sql("SELECT id FROM purchase WHERE request_key = ?").param(requestKey)
                .query(Long.class).optional();
        if (earlier.isPresent()) {
            return purchase(earlier.get());
        }
        Checked checked = check(booking, who.holder().postcodeDistrict());
        if (!checked.preview().canBook()) {
            throw new ValidationException(checked.errors());
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
                        listing.title(), listing.unit().name(), listing.pricePence(), booking.quantity(),
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
        return jdbc.sql("SELECT id FROM purchase WHERE holder_id = ? ORDER BY created_at DESC, id DESC").param(holderId)
                .query(Long.class).list().stream().map(this::purchase).toList();
    }

    /** Proposals already turned into purchases, so they are not booked twice. */
    @PreAuthorize("isAuthenticated()")
    public java.util.Set<Long> bookedProposals(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at purchases");
        return java.util.Set.copyOf(jdbc.sql("SELECT proposal_id FROM purchase WHERE holder_id = ? AND proposal_id "
                + "IS NOT NULL AND status NOT IN ('DECLINED', 'CANCELLED')").param(holderId).query(Long.class).list());
    }

    /** Bookings with the signed-in provider's organisation, waiting ones first. */
    @RolesAllowed(Roles.PROVIDER)
    public List<Purchase> bookingsForMe() {
        return jdbc.sql("SELECT id FROM purchase WHERE provider_id = ? ORDER BY status <> 'REQUESTED', created_at DESC")
                .param(currentUser.require().organisationId()).query(Long.class).list().stream().map(this::purchase)
                .toList();
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public Purchase accept(long purchaseId) {
        Purchase p = mineAsProvider(purchaseId);
        requireStatus(p, Purchase.Status.REQUESTED, "This booking has already been answered.");
        jdbc.sql("UPDATE purchase SET status = 'ACCEPTED', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(currentUser.require().accountId(), now(), purchaseId).update();
        return purchase(purchaseId);
    }

    /** The provider cannot take the booking: the money set aside goes back to the budget. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
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
        return purchase(purchaseId);
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional
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
        return purchase(purchaseId);
    }

    /** An invoice for delivered units not yet invoiced, never for more than is still set aside. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
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
        return purchase(purchaseId);
    }

    /** The holder or a delegate with consent to purchase says the invoice is right: it is spent and paid. */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional
    public Purchase confirmInvoice(long invoiceId) {
        Invoice invoice = invoice(invoiceId);
        Purchase p = purchase(invoice.purchaseId());
        var who = consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Confirmed an invoice");
        requireInvoice(invoice, Invoice.Status.RAISED);
        settle(p, invoice, who.actorAccountId(), "CONFIRMED", null);
        return purchase(p.id());
    }

    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional
    public Purchase disputeInvoice(long invoiceId, String reason) {
        Invoice invoice = invoice(invoiceId);
        Purchase p = purchase(invoice.purchaseId());
        var who = consent.authorise(p.holderId(), ConsentScope.PURCHASE, "Disputed an invoice");
        requireInvoice(invoice, Invoice.Status.RAISED);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("reason", "Say what is wrong with the invoice, in up to 500 characters.");
        }
        jdbc.sql("UPDATE invoice SET status = 'DISPUTED', decided_by = ?, decided_at = ?, dispute_reason = ? WHERE id = ?")
                .params(who.actorAccountId(), now(), why, invoiceId).update();
        return purchase(p.id());
    }

    /** Disputed invoices of holders in the commissioner's area, oldest first. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<Purchase> disputesInMyArea() {
        return jdbc.sql("""
                SELECT DISTINCT p.id FROM purchase p JOIN invoice i ON i.purchase_id = p.id
                JOIN budget_holder h ON h.id = p.holder_id WHERE i.status = 'DISPUTED' AND h.area_id = ?
                ORDER BY p.id""").param(currentUser.require().areaId()).query(Long.class).list().stream()
                .map(this::purchase).toList();
    }

    /** A commissioner decides a dispute: pay the invoice as it stands, or reject it. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public Purchase resolveDispute(long invoiceId, boolean pay, String resolution) {
        Invoice invoice = invoice(invoiceId);
        Purchase p = purchase(invoice.purchaseId());
        var who = consent.authorise(p.holderId(), ConsentScope.VIEW, "Decided a disputed invoice");
        requireInvoice(invoice, Invoice.Status.DISPUTED);
        String why = resolution == null ? "" : resolution.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw ValidationException.of("resolution", "Say how the dispute was settled, in up to 500 characters.");
        }
        if (pay) {
            settle(p, invoice, who.actorAccountId(), "CONFIRMED", why);
        } else {
            jdbc.sql("UPDATE invoice SET status = 'REJECTED', decided_by = ?, decided_at = ?, resolution = ? WHERE id = ?")
                    .params(who.actorAccountId(), now(), why, invoiceId).update();
        }
        return purchase(p.id());
    }

    /** Cancels what is not delivered yet; the money still set aside goes back to the budget. */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER')")
    @Transactional
    public Purchase cancel(long purchaseId) {
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
        jdbc.sql("UPDATE purchase SET status = 'CANCELLED' WHERE id = ?").param(purchaseId).update();
        return purchase(purchaseId);
    }

    /** Invoices nobody confirmed or disputed within the set time are confirmed, as the area's rules say. */
    @Transactional
    public int confirmOverdueInvoices() {
        List<Long> due = jdbc.sql("SELECT id FROM invoice WHERE status = 'RAISED' AND raised_at < ?")
                .param(Timestamp.from(clock.instant().minus(autoConfirmAfter))).query(Long.class).list();
        for (long id : due) {
            Invoice invoice = invoice(id);
            settle(purchase(invoice.purchaseId()), invoice, null, "CONFIRMED", "Confirmed automatically: not "
                    + "disputed within " + autoConfirmAfter.toDays() + " days");
        }
        return due.size();
    }

    /** Whether a holder has had something delivered by this provider: what a review needs. */
    boolean hasDeliveredPurchase(long holderAccountId, long providerOrganisationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM purchase p JOIN budget_holder h ON h.id = p.holder_id
                JOIN delivery d ON d.purchase_id = p.id WHERE h.account_id = ? AND p.provider_id = ?""")
                .params(holderAccountId, providerOrganisationId).query(Long.class).single() > 0;
    }

    // --- internals ---------------------------------------------------------------------------

    private record Checked(BookingPreview preview, Map<String, String> errors, Map<String, String> fieldErrors,
            Listing listing, BudgetSummary budget, int occurrences) {
    }

    private Checked check(Booking booking, String district) {
        var errors = new ValidationException.Collector();
        List<String> problems = new ArrayList<>();
        Listing listing = null;
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
            }
        }
        if (booking.quantity() < 1) {
            errors.add("quantity", "Enter how many, 1 or more.");
        } else if (booking.quantity() > MAX_UNITS_PER_TIME) {
            errors.add("quantity", "That is more than " + MAX_UNITS_PER_TIME + " at a time. Check the number.");
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
        if (booking.planLine() != null && booking.planLine().strip().length() > 300) {
            errors.add("planLine", "Keep this to 300 characters or fewer.");
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
            total = Math.multiplyExact(Math.multiplyExact(listing.pricePence(), booking.quantity()), occurrences);
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
                listing == null ? "" : listing.providerName(), listing == null ? 0 : listing.pricePence(),
                listing == null ? "" : listing.unit().label(), booking.quantity(), occurrences, end, total, split,
                List.copyOf(problems));
        return new Checked(preview, all, new java.util.LinkedHashMap<>(errors.fieldErrors()), listing, budget,
                occurrences);
    }

    private void settle(Purchase p, Invoice invoice, Long actor, String status, String resolution) {
        List<StreamAmount> parts = share(p.id(), invoice.amountPence());
        var entry = ledger.spend(budgetOf(p.id()), parts, new LedgerRequest(actor, holderAccount(p.holderId()),
                "Invoice " + invoice.id() + " from " + p.providerName() + " for " + invoice.units() + " " + p.unit()
                        + "s of " + p.title(), "invoice:" + invoice.id() + ":spend", "purchase:" + p.id()));
        for (StreamAmount part : parts) {
            jdbc.sql("UPDATE purchase_stream SET spent_pence = spent_pence + ? WHERE purchase_id = ? AND stream = ?")
                    .params(part.pence(), p.id(), part.stream().name()).update();
        }
        jdbc.sql("UPDATE invoice SET status = ?, decided_by = COALESCE(decided_by, ?), decided_at = ?, resolution = ?, "
                        + "spend_entry_id = ? WHERE id = ?")
                .params(status, actor, now(), resolution, entry.id(), invoice.id()).update();
        if (p.unitsInvoiced() >= p.unitsBooked() && p.committedPence() - invoice.amountPence() <= 0) {
            jdbc.sql("UPDATE purchase SET status = 'COMPLETED' WHERE id = ?").param(p.id()).update();
        }
        payments.request(invoice.id(), entry.id(), p.providerId(), invoice.amountPence(),
                "Wholecare invoice " + invoice.id() + ": " + p.title());
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
        Purchase p = jdbc.sql("SELECT id FROM purchase WHERE id = ?").param(purchaseId).query(Long.class).optional()
                .map(this::purchase).orElseThrow(() -> new AccessDeniedException("No such booking"));
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
        List<Invoice> invoices = jdbc.sql(INVOICE + "WHERE i.purchase_id = ? ORDER BY i.raised_at, i.id").param(id)
                .query(this::mapInvoice).list();
        return jdbc.sql("""
                SELECT p.id, p.holder_id, h.full_name, p.listing_id, p.provider_id, o.name, p.title, p.unit,
                       p.unit_price_pence, p.quantity, p.frequency, p.occurrences, p.start_date, p.end_date,
                       p.total_pence, p.plan_line, p.status, p.created_at, p.decline_reason,
                       (SELECT COALESCE(SUM(d.units), 0) FROM delivery d WHERE d.purchase_id = p.id),
                       (SELECT COALESCE(SUM(i.units), 0) FROM invoice i WHERE i.purchase_id = p.id AND i.status <> 'REJECTED'),
                       (SELECT COALESCE(SUM(s.spent_pence), 0) FROM purchase_stream s WHERE s.purchase_id = p.id),
                       (SELECT COALESCE(SUM(s.released_pence), 0) FROM purchase_stream s WHERE s.purchase_id = p.id)
                FROM purchase p JOIN budget_holder h ON h.id = p.holder_id JOIN organisation o ON o.id = p.provider_id
                WHERE p.id = ?""").param(id)
                .query((rs, n) -> new Purchase(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7),
                        org.wholecare.marketplace.ListingUnit.valueOf(rs.getString(8)).label(), rs.getLong(9),
                        rs.getInt(10), Booking.Frequency.valueOf(rs.getString(11)), rs.getInt(12),
                        rs.getDate(13).toLocalDate(), rs.getDate(14).toLocalDate(), rs.getLong(15), rs.getString(16),
                        Purchase.Status.valueOf(rs.getString(17)), rs.getTimestamp(18).toInstant(), rs.getString(19),
                        rs.getInt(10) * rs.getInt(12), rs.getInt(20), rs.getInt(21), rs.getLong(22), rs.getLong(23),
                        invoices))
                .single();
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
