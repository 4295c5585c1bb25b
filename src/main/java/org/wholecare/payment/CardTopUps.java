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


/**
 * A holder adds their own money by card, through Stripe Checkout: it is credited to the private
 * top-up stream only when Stripe's signed webhook says it was paid, and exactly once.
 */
@Service
@Transactional(readOnly = true)
public class CardTopUps {

    private static final Logger log = LoggerFactory.getLogger(CardTopUps.class);
    /** Stripe's own default: older signed events are refused as replays. */
    static final long WEBHOOK_TOLERANCE_SECONDS = 300;

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final StripeSettings settings;
    private final LedgerService ledger;
    private final BudgetHolderService holders;
    private final BudgetService budgets;
    private final CurrentUser currentUser;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CardTopUps(JdbcClient jdbc, StripeGateway stripe, StripeSettings settings, LedgerService ledger,
            BudgetHolderService holders, BudgetService budgets, CurrentUser currentUser,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.settings = settings;
        this.ledger = ledger;
        this.holders = holders;
        this.budgets = budgets;
        this.currentUser = currentUser;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
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

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
