package org.wholecare.payment;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.Money;
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

    private static final Logger log = LoggerFactory.getLogger(Payouts.class);
    /**
     * Stripe keeps an idempotency key for at least 24 hours; retrying later could pay twice, so a
     * payment Stripe has not confirmed by then stops and waits for a person to check Stripe.
     */
    static final java.time.Duration RETRY_FOR = java.time.Duration.ofHours(23);

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final StripeSettings settings;
    private final StripeConnect connections;
    private final CurrentUser currentUser;
    private final org.wholecare.consent.HolderRecords records;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    // one thread: payments go to Stripe one at a time, in the order they were confirmed
    private volatile boolean stopping;
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("stripe-payments").daemon().factory());

    Payouts(JdbcClient jdbc, StripeGateway stripe, StripeSettings settings, StripeConnect connections,
            CurrentUser currentUser, org.wholecare.consent.HolderRecords records, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.settings = settings;
        this.connections = connections;
        this.currentUser = currentUser;
        this.records = records;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
                        stripe.enabled() ? "STRIPE" : "OUTSIDE",
                        "wholecare-invoice-" + invoiceId, now())
                .update(key);
        long paymentId = key.getKey().longValue();
        if (stripe.enabled() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        sender.execute(() -> sendQuietly(paymentId));
                    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                        // the payment is recorded as waiting: the start-up run sends it
                        log.info("Payment {} left waiting for the next start-up", paymentId);
                    }
                }
            });
        }
    }

    /**
     * Sends one payment to Stripe and records the answer. A failure leaves it waiting, to be tried
     * again with the same idempotency key; Stripe then returns the first transfer instead of making another.
     * One at a time, so the background sender and the retry job never send the same payment together.
     */
    synchronized void send(long paymentId) {
        record Due(long invoiceId, long providerId, long amount, String description, String key, String status,
                java.time.Instant createdAt) {
        }
        Due due = jdbc.sql("SELECT invoice_id, provider_id, amount_pence, description, idempotency_key, status, "
                        + "created_at FROM payment WHERE id = ? AND method = 'STRIPE'").param(paymentId)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).optional().orElse(null);
        if (due == null || !"PENDING".equals(due.status()) || stopping) {
            return;
        }
        if (clock.instant().isAfter(due.createdAt().plus(RETRY_FOR))) {
            ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE payment SET status = 'FAILED', last_error = ? "
                            + "WHERE id = ? AND status = 'PENDING'")
                    .params("Stripe did not confirm this transfer within a day. Look in Stripe for a transfer in the "
                            + "group " + due.key() + " before paying another way.", paymentId).update());
            return;
        }
        Optional<String> account = connections.accountOf(due.providerId());
        if (account.isEmpty()) {
            note(paymentId, "The provider has not connected a Stripe account yet.");
            return;
        }
        try {
            String transferId = stripe.transfer(account.get(), due.amount(), due.description(), due.key());
            int sent = ownTransaction.execute(s -> jdbc.sql("UPDATE payment SET status = 'SENT', stripe_account_id = ?, "
                            + "stripe_transfer_id = ?, attempts = attempts + 1, last_error = NULL, settled_at = ? "
                            + "WHERE id = ? AND status = 'PENDING'")
                    .params(account.get(), transferId, now(), paymentId).update());
            if (sent == 0) {
                // never lose a transfer Stripe made: keep its id even if the payment moved on meanwhile
                ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE payment SET stripe_transfer_id = ? WHERE id = ?")
                        .params(transferId, paymentId).update());
                log.error("Payment {} was paid through Stripe ({}) after it had stopped waiting; check it", paymentId,
                        transferId);
            }
        } catch (StripeException | RuntimeException e) {
            log.warn("Payment {} not sent yet: {}", paymentId, e.getMessage());
            note(paymentId, e.getMessage());
        }
    }

    /** Waits until every payment handed to the background sender so far has been tried (for tests). */
    void awaitSending() {
        try {
            sender.submit(() -> { }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** In the background: whatever goes wrong, the payment stays waiting and the retry job tries it again. */
    private void sendQuietly(long paymentId) {
        try {
            send(paymentId);
        } catch (RuntimeException e) {
            log.warn("Payment {} not sent yet; it will be tried again: {}", paymentId, e.getMessage());
        }
    }

    /**
     * Lets a transfer already on its way finish, and sends nothing more: anything not yet sent stays
     * waiting in the payment table for the next start-up, rather than racing the database's shutdown.
     */
    @jakarta.annotation.PreDestroy
    void stopSending() {
        stopping = true;
        sender.shutdown();
        try {
            if (!sender.awaitTermination(settings.timeout() * 2L, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Tries every payment still waiting for Stripe: at start-up (after a crash) and every few minutes. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sendWaitingPayments() {
        if (!stripe.enabled()) {
            return 0;
        }
        List<Long> waiting = jdbc.sql("SELECT id FROM payment WHERE method = 'STRIPE' AND status = 'PENDING' ORDER BY id")
                .query(Long.class).list();
        waiting.forEach(this::send);
        return waiting.size();
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

    private void note(long paymentId, @Nullable String error) {
        String text = error == null ? "Unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE payment SET attempts = attempts + 1, last_error = ? "
                + "WHERE id = ?").params(text, paymentId).update());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
