package org.wholecare.payment;

import com.stripe.exception.StripeException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends waiting payments to Stripe, from any number of app instances at once. Each payment is
 * claimed first by locking its row ({@code FOR UPDATE SKIP LOCKED}) in a transaction that lasts until
 * Stripe has answered and the answer is written: a second sender, in this instance or another, passes
 * over a payment being sent instead of sending it too, and a sender that dies mid-way releases its
 * claim with its connection, leaving the payment waiting to be sent again with the same idempotency key.
 */
@Component
class PaymentSender {

    private static final Logger log = LoggerFactory.getLogger(PaymentSender.class);
    /**
     * Stripe keeps an idempotency key for at least 24 hours; retrying later could pay twice, so a
     * payment Stripe has not confirmed by then stops and waits for a person to check Stripe.
     */
    static final Duration RETRY_FOR = Duration.ofHours(23);

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final StripeSettings settings;
    private final StripeConnect connections;
    private final TransactionTemplate claim;
    private final Clock clock;
    private volatile boolean stopping;
    // one thread per instance: this instance's payments go to Stripe in the order they were confirmed
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("stripe-payments").daemon().factory());

    PaymentSender(JdbcClient jdbc, StripeGateway stripe, StripeSettings settings, StripeConnect connections,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.settings = settings;
        this.connections = connections;
        this.claim = new TransactionTemplate(transactions);
        this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // the claim must outlast Stripe's answer, but never hang on for ever
        this.claim.setTimeout(Math.max(5, settings.timeout() * 3 / 1000));
        this.clock = clock;
    }

    boolean enabled() {
        return stripe.enabled();
    }

    /** Sends it in the background, soon; if this instance is stopping, the retry job of any instance sends it. */
    void sendSoon(long paymentId) {
        try {
            background.execute(() -> {
                try {
                    send(paymentId);
                } catch (RuntimeException e) {
                    log.warn("Payment {} not sent yet; it will be tried again: {}", paymentId, e.getMessage());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            log.info("Payment {} left waiting for the retry job", paymentId);
        }
    }

    /** Tries every payment still waiting for Stripe; those another sender holds are passed over. */
    int sendWaiting() {
        if (!stripe.enabled()) {
            return 0;
        }
        List<Long> waiting = jdbc.sql("SELECT id FROM payment WHERE method = 'STRIPE' AND status = 'PENDING' ORDER BY id")
                .query(Long.class).list();
        int tried = 0;
        for (long id : waiting) {
            if (stopping) {
                break;
            }
            if (send(id)) {
                tried++;
            }
        }
        return tried;
    }

    /**
     * Claims one payment and sends it to Stripe, recording the answer in the same transaction. A
     * failure leaves it waiting, to be tried again with the same idempotency key; Stripe then returns
     * the first transfer instead of making another. Returns false when there was nothing to claim:
     * already sent, given up on, or being sent by another sender at this moment.
     */
    boolean send(long paymentId) {
        if (stopping) {
            return false;
        }
        Boolean claimed = claim.execute(s -> sendClaimed(paymentId));
        return Boolean.TRUE.equals(claimed);
    }

    private boolean sendClaimed(long paymentId) {
        record Due(long providerId, long amount, String description, String key, Instant createdAt) {
        }
        Due due = jdbc.sql("SELECT provider_id, amount_pence, description, idempotency_key, created_at FROM payment "
                        + "WHERE id = ? AND method = 'STRIPE' AND status = 'PENDING' FOR UPDATE SKIP LOCKED")
                .param(paymentId)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).optional().orElse(null);
        if (due == null) {
            return false;
        }
        if (clock.instant().isAfter(due.createdAt().plus(RETRY_FOR))) {
            jdbc.sql("UPDATE payment SET status = 'FAILED', last_error = ? WHERE id = ?")
                    .params("Stripe did not confirm this transfer within a day. Look in Stripe for a transfer in the "
                            + "group " + due.key() + " before paying another way.", paymentId).update();
            return true;
        }
        Optional<String> account = connections.accountOf(due.providerId());
        if (account.isEmpty()) {
            note(paymentId, "The provider has not connected a Stripe account yet.");
            return true;
        }
        try {
            String transferId = stripe.transfer(account.get(), due.amount(), due.description(), due.key());
            jdbc.sql("UPDATE payment SET status = 'SENT', stripe_account_id = ?, stripe_transfer_id = ?, "
                            + "attempts = attempts + 1, last_error = NULL, settled_at = ? WHERE id = ?")
                    .params(account.get(), transferId, Timestamp.from(clock.instant()), paymentId).update();
        } catch (StripeException | RuntimeException e) {
            log.warn("Payment {} not sent yet: {}", paymentId, e.getMessage());
            note(paymentId, e.getMessage());
        }
        return true;
    }

    private void note(long paymentId, @Nullable String error) {
        String text = error == null ? "Unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.sql("UPDATE payment SET attempts = attempts + 1, last_error = ? WHERE id = ?").params(text, paymentId)
                .update();
    }

    /** Waits until every payment handed to the background sender so far has been tried (for tests). */
    void awaitSending() {
        try {
            background.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * On shutdown, lets a transfer already on its way finish and be recorded, and starts no other:
     * anything not yet sent stays waiting in the payment table for the retry job of any instance.
     */
    @jakarta.annotation.PreDestroy
    void stopSending() {
        stopping = true;
        background.shutdown();
        try {
            if (!background.awaitTermination(settings.timeout() * 2L, TimeUnit.MILLISECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
