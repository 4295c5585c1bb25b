package org.wholecare.payment;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

import org.springframework.context.event.EventListener;
import org.wholecare.purchase.InvoiceConfirmed;

/**
 * Pays providers for confirmed invoices, through Stripe when it is set up. A payment is written
 * first (the outbox), when the purchase feature says an invoice is confirmed, and sent after that
 * transaction commits, with an idempotency key made from the invoice, so a retry after a timeout
 * or a crash can never pay twice. Without Stripe, a commissioner records how it was paid.
 */
@Service
@Transactional(readOnly = true)
public class Payouts {

    private final JdbcClient jdbc;
    private final PaymentSender sender;
    private final CurrentUser currentUser;
    private final org.wholecare.consent.HolderRecords records;
    private final Clock clock;

    Payouts(JdbcClient jdbc, PaymentSender sender, CurrentUser currentUser, org.wholecare.consent.HolderRecords records,
            Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.currentUser = currentUser;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Records that a confirmed invoice must be paid, in the confirming transaction, and sends it to
     * Stripe once that transaction has committed, in the background: the person confirming never
     * waits on Stripe. The purchase feature has already checked who may.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(InvoiceConfirmed confirmed) {
        long invoiceId = confirmed.invoiceId();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO payment (invoice_id, spend_entry_id, provider_id, holder_id, area_id, description, amount_pence,
                  method, status, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(invoiceId, confirmed.spendEntryId(), confirmed.providerId(), confirmed.holderId(),
                        confirmed.holderAreaId(), confirmed.description(), confirmed.amountPence(),
                        sender.enabled() ? "STRIPE" : "OUTSIDE",
                        "wholecare-invoice-" + invoiceId, now())
                .update(key);
        long paymentId = key.getKey().longValue();
        if (sender.enabled() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.sendSoon(paymentId);
                }
            });
        }
    }

    /** Waits until every payment handed to the background sender so far has been tried (for tests). */
    void awaitSending() {
        sender.awaitSending();
    }

    /** Tries every payment still waiting for Stripe: at start-up (after a crash) and every few minutes. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sendWaitingPayments() {
        return sender.sendWaiting();
    }

    /** A payment waiting to be made, as a commissioner sees it. */
    public record WaitingPayment(long id, long invoiceId, String providerName, long amountPence, String description,
            String status, @Nullable String lastError, boolean canRecordOutside) {
    }

    /**
     * Payments to make for the commissioner's area (where the holder lives, whose budget pays), and
     * whether each may be recorded as paid another way: only one not sent through Stripe, or one
     * Stripe gave up on. A Stripe payment still being tried may have been made already.
     */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<WaitingPayment> waitingInMyArea() {
        List<Long> holders = new java.util.ArrayList<>();
        List<WaitingPayment> waiting = jdbc.sql("""
                SELECT p.id, p.invoice_id, o.name, p.amount_pence, p.description, p.method, p.status, p.last_error,
                       p.holder_id
                FROM payment p JOIN organisation o ON o.id = p.provider_id
                WHERE p.status IN ('PENDING', 'FAILED') AND p.area_id = ? ORDER BY p.created_at, p.id""")
                .param(currentUser.require().areaId())
                .query((rs, n) -> {
                    holders.add(rs.getLong(9));
                    return new WaitingPayment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), PaymentStatusWords.label(rs.getString(6), rs.getString(7)), rs.getString(8),
                            "OUTSIDE".equals(rs.getString(6)) || "FAILED".equals(rs.getString(7)));
                })
                .list();
        records.recordLooks(holders, "Looked at a payment for your support");
        return waiting;
    }

    /** How many payments of each holder of the commissioner's area Stripe gave up on, not yet settled another way. */
    @RolesAllowed(Roles.COMMISSIONER)
    public java.util.Map<Long, Long> failedInMyArea() {
        java.util.Map<Long, Long> failed = new java.util.HashMap<>();
        jdbc.sql("SELECT holder_id, COUNT(*) FROM payment WHERE status = 'FAILED' AND area_id = ? GROUP BY holder_id")
                .param(currentUser.require().areaId()).query((rs, n) -> failed.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return failed;
    }

    /** Without Stripe (or when it fails), a commissioner records that the provider was paid another way. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public void recordSettledOutside(long paymentId, @Nullable String note) {
        String how = note == null ? "" : note.strip();
        if (how.isEmpty() || how.length() > 500) {
            throw ValidationException.of("note", "Say how it was paid, for example 'BACS from the council, ref 4471'.");
        }
        SignedInUser commissioner = currentUser.require();
        int updated = jdbc.sql("""
                UPDATE payment p
                SET p.method = 'OUTSIDE', p.status = 'SETTLED', p.note = ?, p.recorded_by = ?, p.settled_at = ?
                WHERE p.id = ? AND p.area_id = ?
                  AND ((p.method = 'OUTSIDE' AND p.status = 'PENDING') OR p.status = 'FAILED')""")
                .params(how, commissioner.accountId(), now(), paymentId, commissioner.areaId()).update();
        if (updated == 0) {
            throw ValidationException.of("note", "This payment cannot be recorded as paid another way: it is already "
                    + "made, Stripe is still paying it, or it is not one of your area's.");
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
