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
import org.wholecare.budget.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.HolderSummary;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * Pays providers for confirmed invoices and credits card top-ups, through Stripe when it is set up.
 * A payment is written first (the outbox) and sent after the invoice's transaction commits, with an
 * idempotency key made from the invoice, so a retry after a timeout or a crash can never pay twice.
 */
@Service
@Transactional(readOnly = true)
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    /** Stripe's own default: older signed events are refused as replays. */
    static final long WEBHOOK_TOLERANCE_SECONDS = 300;
    /**
     * Stripe keeps an idempotency key for at least 24 hours; retrying later could pay twice, so a
     * payment Stripe has not confirmed by then stops and waits for a person to check Stripe.
     */
    static final java.time.Duration RETRY_FOR = java.time.Duration.ofHours(23);

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final StripeSettings settings;
    private final LedgerService ledger;
    private final BudgetHolderService holders;
    private final BudgetService budgets;
    private final CurrentUser currentUser;
    private final org.wholecare.marketplace.ProviderService providers;
    private final org.wholecare.budget.HolderRecords records;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    // one thread: payments go to Stripe one at a time, in the order they were confirmed
    private volatile boolean stopping;
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("stripe-payments").daemon().factory());

    PaymentService(JdbcClient jdbc, StripeGateway stripe, StripeSettings settings, LedgerService ledger,
            BudgetHolderService holders, BudgetService budgets, CurrentUser currentUser,
            org.wholecare.marketplace.ProviderService providers, org.wholecare.budget.HolderRecords records,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.settings = settings;
        this.ledger = ledger;
        this.holders = holders;
        this.budgets = budgets;
        this.currentUser = currentUser;
        this.providers = providers;
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
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(long invoiceId, long spendEntryId, long providerId, long amountPence, String description) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO payment (invoice_id, spend_entry_id, provider_id, description, amount_pence, method, status,
                  idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(invoiceId, spendEntryId, providerId, description, amountPence,
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

    /** How the payments for these invoices stand, in words, in one query; invoices without one are left out. */
    public java.util.Map<Long, String> statusesOf(java.util.Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> statuses = new java.util.HashMap<>();
        jdbc.sql("SELECT invoice_id, method, status FROM payment WHERE invoice_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(invoiceIds.size(), "?")) + ")")
                .params(List.copyOf(invoiceIds))
                .query(rs -> {
                    statuses.put(rs.getLong(1), label(rs.getString(2), rs.getString(3)));
                });
        return statuses;
    }

    /** How the spend in a ledger entry was paid, for statements; empty if it is not a payment's spend. */
    public Optional<String> statusOfSpend(long spendEntryId) {
        return jdbc.sql("SELECT method, status FROM payment WHERE spend_entry_id = ?").param(spendEntryId)
                .query((rs, n) -> label(rs.getString(1), rs.getString(2))).optional();
    }

    static String label(String method, String status) {
        return switch (status) {
            case "SENT" -> "Paid through Stripe";
            case "SETTLED" -> "Settled outside Stripe";
            case "FAILED" -> "Payment failed: a commissioner will settle it";
            default -> "OUTSIDE".equals(method) ? "Waiting to be settled outside Stripe" : "Being paid through Stripe";
        };
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
        Optional<String> account = payoutAccount(due.providerId());
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
            String status, String lastError, boolean canRecordOutside) {
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
                       pu.holder_id
                FROM payment p JOIN organisation o ON o.id = p.provider_id
                JOIN invoice i ON i.id = p.invoice_id JOIN purchase pu ON pu.id = i.purchase_id
                JOIN budget_holder h ON h.id = pu.holder_id
                WHERE p.status IN ('PENDING', 'FAILED') AND h.area_id = ? ORDER BY p.created_at, p.id""")
                .param(currentUser.require().areaId())
                .query((rs, n) -> {
                    holders.add(rs.getLong(9));
                    return new WaitingPayment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), label(rs.getString(6), rs.getString(7)), rs.getString(8),
                            "OUTSIDE".equals(rs.getString(6)) || "FAILED".equals(rs.getString(7)));
                })
                .list();
        records.recordLooks(holders, "Looked at a payment for your support");
        return waiting;
    }

    /** Without Stripe (or when it fails), a commissioner records that the provider was paid another way. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public void recordSettledOutside(long paymentId, String note) {
        String how = note == null ? "" : note.strip();
        if (how.isEmpty() || how.length() > 500) {
            throw ValidationException.of("note", "Say how it was paid, for example 'BACS from the council, ref 4471'.");
        }
        SignedInUser commissioner = currentUser.require();
        int updated = jdbc.sql("""
                UPDATE payment p JOIN invoice i ON i.id = p.invoice_id JOIN purchase pu ON pu.id = i.purchase_id
                JOIN budget_holder h ON h.id = pu.holder_id
                SET p.method = 'OUTSIDE', p.status = 'SETTLED', p.note = ?, p.recorded_by = ?, p.settled_at = ?
                WHERE p.id = ? AND h.area_id = ?
                  AND ((p.method = 'OUTSIDE' AND p.status = 'PENDING') OR p.status = 'FAILED')""")
                .params(how, commissioner.accountId(), now(), paymentId, commissioner.areaId()).update();
        if (updated == 0) {
            throw ValidationException.of("note", "This payment cannot be recorded as paid another way: it is already "
                    + "made, Stripe is still paying it, or it is not one of your area's.");
        }
    }

    @RolesAllowed(Roles.PROVIDER)
    public Optional<String> myStripeAccount() {
        return payoutAccount(currentUser.require().organisationId());
    }

    /** The provider connects (or finishes connecting) a Stripe account; returns Stripe's onboarding page. */
    @RolesAllowed(Roles.PROVIDER)
    public String connectStripe(String returnUrl) {
        if (!stripe.enabled()) {
            throw ValidationException.of("", "Card payments through Stripe are not set up on this service. "
                    + "Your commissioner pays you another way.");
        }
        SignedInUser user = currentUser.require();
        // a Stripe account is for being paid, which only a checked provider can be
        if (!providers.isVerified(user.organisationId())) {
            throw ValidationException.of("", "You can connect a Stripe account once a commissioner has checked your "
                    + "organisation.");
        }
        try {
            String account = payoutAccount(user.organisationId()).orElse(null);
            if (account == null) {
                String email = jdbc.sql("SELECT contact_email FROM provider_profile WHERE organisation_id = ?")
                        .param(user.organisationId()).query(String.class).optional().orElse(null);
                String created = stripe.createConnectedAccount(email, "wholecare-connect-" + user.organisationId());
                ownTransaction.executeWithoutResult(s -> jdbc.sql("INSERT INTO payout_account (organisation_id, "
                                + "stripe_account_id, connected_by, connected_at) VALUES (?, ?, ?, ?)")
                        .params(user.organisationId(), created, user.accountId(), now()).update());
                account = created;
            }
            return stripe.onboardingLink(account, returnUrl);
        } catch (StripeException e) {
            throw ValidationException.of("", "Stripe did not answer (" + e.getMessage() + "). Try again in a few minutes.");
        }
    }

    /** The holder adds their own money to the private top-up stream by card; it counts only once Stripe confirms. */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    public String startTopUp(long pence, String returnUrl) {
        if (!stripe.enabled()) {
            throw ValidationException.of("amount", "Paying by card is not set up on this service yet.");
        }
        if (pence < 100 || pence > 500_000) {
            throw ValidationException.of("amount", "Enter an amount from £1.00 to £5,000.00.");
        }
        HolderSummary holder = holders.mine().orElseThrow(() -> new AccessDeniedException("Not a budget holder"));
        long budgetId = budgets.currentBudget(holder.id()).orElseThrow(() -> ValidationException.of("amount",
                "There is no budget to add money to yet.")).id();
        long accountId = currentUser.require().accountId();
        long topUpId = ownTransaction.execute(s -> {
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO top_up (holder_id, budget_id, amount_pence, status, requested_by, created_at) "
                            + "VALUES (?, ?, ?, 'PENDING', ?, ?)")
                    .params(holder.id(), budgetId, pence, accountId, now()).update(key);
            return key.getKey().longValue();
        });
        try {
            String[] session = stripe.checkout(pence, "Top-up of your Wholecare budget (" + Money.format(pence) + ")",
                    "top-up-" + topUpId, returnUrl, "wholecare-top-up-" + topUpId);
            ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE top_up SET stripe_session_id = ?, checkout_url = ? "
                    + "WHERE id = ?").params(session[0], session[1], topUpId).update());
            return session[1];
        } catch (StripeException e) {
            ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE top_up SET status = 'FAILED' WHERE id = ?")
                    .param(topUpId).update());
            throw ValidationException.of("amount", "The card payment could not be started: " + e.getMessage()
                    + " Nothing was taken. Try again later.");
        }
    }

    /** What a webhook call did. */
    public enum WebhookResult { APPLIED, DUPLICATE, IGNORED }

    /**
     * Applies one Stripe event exactly once. Refuses (throws) a forged or stale signature before
     * reading anything; an event id seen before changes nothing.
     */
    @Transactional
    public WebhookResult handleWebhook(String payload, String signatureHeader) throws SignatureVerificationException {
        if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
            throw new SignatureVerificationException("No webhook secret is configured", signatureHeader);
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, settings.webhookSecret(),
                    WEBHOOK_TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            // stripe-java's JSON parser failed: nothing to apply, and nothing recorded
            throw new UnreadableEventException("Unreadable event: " + e.getMessage(), e);
        }
        try {
            jdbc.sql("INSERT INTO stripe_event (id, type, received_at) VALUES (?, ?, ?)")
                    .params(event.getId(), event.getType(), now()).update();
        } catch (DuplicateKeyException e) {
            return WebhookResult.DUPLICATE;
        }
        return switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> topUpPaid(event);
            case "checkout.session.async_payment_failed", "checkout.session.expired" -> topUpFailed(event);
            default -> WebhookResult.IGNORED;
        };
    }

    private WebhookResult topUpPaid(Event event) {
        Session session = session(event);
        if (!"paid".equals(session.getPaymentStatus())) {
            // a delayed payment method: wait for async_payment_succeeded
            return WebhookResult.IGNORED;
        }
        record TopUp(long id, long holderId, long budgetId, long pence, long requestedBy) {
        }
        Long topUpId = topUpOf(session);
        // Stripe's word that the money was taken wins over an earlier "expired" or "failed" that
        // arrived first; a credited top-up is never credited again
        TopUp topUp = jdbc.sql("SELECT id, holder_id, budget_id, amount_pence, requested_by FROM top_up "
                        + "WHERE id = ? AND status IN ('PENDING', 'FAILED') FOR UPDATE").param(topUpId)
                .query((rs, n) -> new TopUp(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .optional().orElse(null);
        if (topUp == null) {
            return WebhookResult.IGNORED;
        }
        if (session.getCurrency() != null && !"gbp".equalsIgnoreCase(session.getCurrency())) {
            log.error("Top-up {} was paid in {}, not pounds; not credited, check it in Stripe", topUp.id(),
                    session.getCurrency());
            return WebhookResult.IGNORED;
        }
        // the person's card was charged what Stripe says: that, not what we asked, is their money
        long paid = session.getAmountTotal() == null ? topUp.pence() : session.getAmountTotal();
        if (paid <= 0) {
            log.error("Top-up {} reported as paid with {} pence; not credited, check it in Stripe", topUp.id(), paid);
            return WebhookResult.IGNORED;
        }
        String reason = "Top-up by card (Stripe)";
        if (paid != topUp.pence()) {
            log.warn("Top-up {} paid {} pence but asked {}; crediting what was paid", topUp.id(), paid, topUp.pence());
            reason += ": " + Money.format(paid) + " paid, " + Money.format(topUp.pence()) + " was asked";
        }
        String description = reason;
        var entry = SystemActor.asAdministrator(() -> ledger.allocate(topUp.budgetId(), FundingStream.PRIVATE_TOP_UP,
                paid, new LedgerRequest(null, topUp.requestedBy(), description,
                        "top-up:" + topUp.id(), "stripe:" + session.getId())));
        jdbc.sql("UPDATE top_up SET status = 'CREDITED', credited_entry_id = ?, credited_at = ? WHERE id = ?")
                .params(entry.id(), now(), topUp.id()).update();
        return WebhookResult.APPLIED;
    }

    private WebhookResult topUpFailed(Event event) {
        Long topUpId = topUpOf(session(event));
        int updated = jdbc.sql("UPDATE top_up SET status = 'FAILED' WHERE id = ? AND status = 'PENDING'")
                .param(topUpId).update();
        return updated > 0 ? WebhookResult.APPLIED : WebhookResult.IGNORED;
    }

    /**
     * Our top-up for a Checkout Session: by the session id we kept, or by the reference we gave
     * Stripe (in case the id was never written). One we do not know is refused, not recorded, so
     * Stripe sends it again rather than the money being forgotten.
     */
    private Long topUpOf(Session session) {
        Optional<Long> bySession = jdbc.sql("SELECT id FROM top_up WHERE stripe_session_id = ?").param(session.getId())
                .query(Long.class).optional();
        if (bySession.isPresent()) {
            return bySession.get();
        }
        String reference = session.getClientReferenceId();
        if (reference != null && reference.matches("top-up-\\d{1,18}")) {
            long id = Long.parseLong(reference.substring("top-up-".length()));
            if (jdbc.sql("UPDATE top_up SET stripe_session_id = ? WHERE id = ? AND stripe_session_id IS NULL")
                    .params(session.getId(), id).update() == 1) {
                return id;
            }
        }
        throw new UnknownTopUpException("No top-up for Checkout Session " + session.getId());
    }

    /** A signed event whose contents cannot be read: nothing to apply, and nothing recorded. */
    static final class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A webhook about a top-up we cannot find: answered with an error so that Stripe retries it. */
    static final class UnknownTopUpException extends RuntimeException {
        UnknownTopUpException(String message) {
            super(message);
        }
    }

    private static Session session(Event event) {
        try {
            return (Session) event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new UnreadableEventException("Unreadable checkout session in event " + event.getId(), e);
        }
    }

    private Optional<String> payoutAccount(long organisationId) {
        return jdbc.sql("SELECT stripe_account_id FROM payout_account WHERE organisation_id = ?").param(organisationId)
                .query(String.class).optional();
    }

    private void note(long paymentId, String error) {
        String text = error == null ? "Unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE payment SET attempts = attempts + 1, last_error = ? "
                + "WHERE id = ?").params(text, paymentId).update());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
