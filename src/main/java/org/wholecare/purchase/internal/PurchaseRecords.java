package org.wholecare.purchase.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Invoice;
import org.wholecare.purchase.PaymentStatuses;
import org.wholecare.purchase.Purchase;
import org.wholecare.shared.ValidationException;

/**
 * The purchase feature's own tables: reading bookings and invoices whole (with what was delivered,
 * invoiced, spent and paid), taking a booking's row lock, and the one place a status changes.
 * Callers check who may do what; this only reads and writes.
 */
@Component
public class PurchaseRecords {

    private final JdbcClient jdbc;
    private final PaymentStatuses payments;
    private final Clock clock;

    PurchaseRecords(JdbcClient jdbc, PaymentStatuses payments, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.clock = clock;
    }

    public Purchase purchase(long id) {
        return where("p.id = ?", "p.id", id).stream().findFirst()
                .orElseThrow(() -> new EmptyResultDataAccessException(1));
    }

    /**
     * The purchases matching a condition on {@code p}, with their invoices and how each was paid:
     * three queries however many there are. {@code where} and {@code orderBy} are the purchase
     * feature's own constants, never input.
     */
    public List<Purchase> where(String where, String orderBy, Object... params) {
        Map<Long, List<Invoice>> invoices = new HashMap<>();
        withPayments(jdbc.sql(INVOICE + "JOIN purchase p ON p.id = i.purchase_id WHERE " + where
                        + " ORDER BY i.raised_at, i.id").params(params).query(PurchaseRecords::mapInvoice).list())
                .forEach(i -> invoices.computeIfAbsent(i.purchaseId(), k -> new ArrayList<>()).add(i));
        return jdbc.sql(PURCHASE + where + " ORDER BY " + orderBy).params(params)
                .query((rs, n) -> mapPurchase(rs, invoices.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public Invoice invoice(long invoiceId) {
        return withPayments(jdbc.sql(INVOICE + "WHERE i.id = ?").param(invoiceId).query(PurchaseRecords::mapInvoice)
                .list()).stream().findFirst().orElseThrow(() -> new AccessDeniedException("No such invoice"));
    }

    /** Takes the purchase's row lock: every step after booking goes through here first. */
    public void lock(long purchaseId) {
        jdbc.sql("SELECT id FROM purchase WHERE id = ? FOR UPDATE").param(purchaseId).query(Long.class).optional()
                .orElseThrow(() -> new AccessDeniedException("No such booking"));
    }

    /** The booking an invoice is for, with its row lock taken. */
    public Purchase lockedPurchaseOfInvoice(long invoiceId) {
        long purchaseId = jdbc.sql("SELECT purchase_id FROM invoice WHERE id = ?").param(invoiceId).query(Long.class)
                .optional().orElseThrow(() -> new AccessDeniedException("No such invoice"));
        lock(purchaseId);
        return purchase(purchaseId);
    }

    /**
     * Every change of a booking's status goes through here: only a move its status allows, and only
     * from the status it was read in. {@code columns} are the feature's own constants, never input.
     */
    public void move(long purchaseId, Purchase.Status from, Purchase.Status to, @Nullable String columns,
            @Nullable Object... params) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("A booking cannot go from " + from + " to " + to);
        }
        if (update("purchase", purchaseId, from.name(), to.name(), columns, params) != 1) {
            throw ValidationException.of("", "This booking changed while you were looking at it. Refresh the page "
                    + "to see where it stands.");
        }
    }

    /** Every change of an invoice's status goes through here, as {@link #move} for bookings. */
    public void moveInvoice(long invoiceId, Invoice.Status from, Invoice.Status to, @Nullable String columns,
            @Nullable Object... params) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("An invoice cannot go from " + from + " to " + to);
        }
        if (update("invoice", invoiceId, from.name(), to.name(), columns, params) != 1) {
            throw ValidationException.of("", "This invoice changed while you were looking at it. It is no longer "
                    + from.name().toLowerCase(Locale.UK) + ". Refresh the page to see where it stands.");
        }
    }

    private int update(String table, long id, String from, String to, @Nullable String columns,
            @Nullable Object... params) {
        List<Object> all = new ArrayList<>(List.of(to));
        all.addAll(Arrays.asList(params));
        all.addAll(List.of(id, from));
        return jdbc.sql("UPDATE " + table + " SET status = ?" + (columns == null ? "" : ", " + columns)
                + " WHERE id = ? AND status = ?").params(all).update();
    }

    /** Invoices raised or disputed and not yet settled: how many, and for how much. */
    public record OpenInvoices(long count, long pence) {
    }

    public OpenInvoices openInvoices(long purchaseId) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(amount_pence), 0) FROM invoice WHERE purchase_id = ? "
                        + "AND status IN ('RAISED', 'DISPUTED')").param(purchaseId)
                .query((rs, n) -> new OpenInvoices(rs.getLong(1), rs.getLong(2))).single();
    }

    /** What each stream still holds for this purchase: committed, less spent and given back. */
    public Map<FundingStream, Long> leftByStream(long purchaseId) {
        Map<FundingStream, Long> left = new EnumMap<>(FundingStream.class);
        jdbc.sql("SELECT stream, committed_pence - spent_pence - released_pence FROM purchase_stream WHERE purchase_id = ?")
                .param(purchaseId).query(rs -> {
                    left.put(FundingStream.valueOf(rs.getString(1)), Math.max(0, rs.getLong(2)));
                });
        return left;
    }

    public void streamCommitted(long purchaseId, FundingStream stream, long pence) {
        jdbc.sql("INSERT INTO purchase_stream (purchase_id, stream, committed_pence) VALUES (?, ?, ?)")
                .params(purchaseId, stream.name(), pence).update();
    }

    public void streamSpent(long purchaseId, FundingStream stream, long pence) {
        jdbc.sql("UPDATE purchase_stream SET spent_pence = spent_pence + ? WHERE purchase_id = ? AND stream = ?")
                .params(pence, purchaseId, stream.name()).update();
    }

    public void streamReleased(long purchaseId, FundingStream stream, long pence) {
        jdbc.sql("UPDATE purchase_stream SET released_pence = released_pence + ? WHERE purchase_id = ? AND stream = ?")
                .params(pence, purchaseId, stream.name()).update();
    }

    /** A budget holder's account (whose ledger entries these are) and area (whose commissioners pay). */
    public record Holder(long accountId, long areaId) {
    }

    public Holder holder(long holderId) {
        return jdbc.sql("SELECT account_id, area_id FROM budget_holder WHERE id = ?").param(holderId)
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2))).single();
    }

    public Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static final String INVOICE = """
            SELECT i.id, i.purchase_id, i.units, i.amount_pence, i.status, i.raised_at, i.dispute_reason, i.resolution
            FROM invoice i\s""";

    private static final String PURCHASE = """
            SELECT p.id, p.holder_id, p.budget_id, h.full_name AS holder_name, p.listing_id, p.provider_id,
                   o.name AS provider_name, p.title, p.unit, p.unit_price_pence, p.quantity, p.frequency, p.occurrences,
                   p.start_date, p.end_date, p.total_pence, p.plan_line, p.status, p.created_at, p.decline_reason,
                   (SELECT COALESCE(SUM(d.units), 0) FROM delivery d WHERE d.purchase_id = p.id) AS delivered,
                   (SELECT COALESCE(SUM(i.units), 0) FROM invoice i WHERE i.purchase_id = p.id) AS invoiced,
                   (SELECT COALESCE(SUM(s.spent_pence), 0) FROM purchase_stream s WHERE s.purchase_id = p.id) AS spent,
                   (SELECT COALESCE(SUM(s.released_pence), 0) FROM purchase_stream s WHERE s.purchase_id = p.id)
                     AS released
            FROM purchase p JOIN budget_holder h ON h.id = p.holder_id JOIN organisation o ON o.id = p.provider_id
            WHERE\s""";

    private static Purchase mapPurchase(ResultSet rs, List<Invoice> invoices) throws SQLException {
        int quantity = rs.getInt("quantity");
        int occurrences = rs.getInt("occurrences");
        return new Purchase(rs.getLong("id"), rs.getLong("holder_id"), rs.getLong("budget_id"),
                rs.getString("holder_name"), rs.getLong("listing_id"), rs.getLong("provider_id"),
                rs.getString("provider_name"), rs.getString("title"), ListingUnit.valueOf(rs.getString("unit")).label(),
                rs.getLong("unit_price_pence"), quantity, Booking.Frequency.valueOf(rs.getString("frequency")),
                occurrences, rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getLong("total_pence"), rs.getString("plan_line"), Purchase.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("decline_reason"), quantity * occurrences,
                rs.getInt("delivered"), rs.getInt("invoiced"), rs.getLong("spent"), rs.getLong("released"),
                List.copyOf(invoices));
    }

    /** An invoice without its payment's status (filled in by {@link #withPayments}, in one query for all). */
    private static Invoice mapInvoice(ResultSet rs, int row) throws SQLException {
        return new Invoice(rs.getLong("id"), rs.getLong("purchase_id"), rs.getInt("units"), rs.getLong("amount_pence"),
                Invoice.Status.valueOf(rs.getString("status")), rs.getTimestamp("raised_at").toInstant(),
                rs.getString("dispute_reason"), rs.getString("resolution"), null);
    }

    private List<Invoice> withPayments(List<Invoice> invoices) {
        Map<Long, String> paid = payments.ofInvoices(invoices.stream().map(Invoice::id).toList());
        return invoices.stream().map(i -> new Invoice(i.id(), i.purchaseId(), i.units(), i.amountPence(), i.status(),
                i.raisedAt(), i.disputeReason(), i.resolution(), paid.get(i.id()))).toList();
    }
}
