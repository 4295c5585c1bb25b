package org.wholecare.payment;

import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;
import static org.wholecare.TestArea.UNCHECKED_PROVIDER;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wholecare.IntegrationTest;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerService;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.Invoices;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.ValidationException;

/** Payments through stripe-java against a local stub of Stripe's API, and webhooks with real signatures. */
@IntegrationTest
class StripeIT {

    private static final String WEBHOOK_SECRET = "whsec_test_secret";
    private static final StripeStub STUB;
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    static {
        try {
            STUB = new StripeStub();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("wholecare.stripe.secret-key", () -> "sk_test_stub");
        registry.add("wholecare.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("wholecare.stripe.api-base", STUB::url);
        // long enough that a held transfer is released well before it, short enough to keep the slow tests quick
        registry.add("wholecare.stripe.timeout-millis", () -> "3000");
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Autowired Payouts payments;
    @Autowired StripeConnect connections;
    @Autowired CardTopUps topUps;
    @Autowired Bookings bookings;
    @Autowired ProviderBookings providerBookings;
    @Autowired Invoices invoices;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired LedgerService ledger;
    @Autowired SearchService search;
    @Autowired AccountService accounts;
    @Autowired org.wholecare.security.Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;
    @Autowired StripeGateway gateway;
    @Autowired StripeSettings settings;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private record Person(String username, long holderId, BudgetSummary budget) {
    }

    private Person newHolder() {
        return newHolder(100_000L);
    }

    private Person newHolder(long penceFromEachFunder) {
        long n = SEQUENCE.incrementAndGet();
        var registered = actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Payer " + n,
                "payer." + n, LocalDate.of(1950, 1, 1), BudgetTestData.nextNhsNumber(), "TF4", null, null, null)));
        String url = registered.holderInvitation().link().url();
        invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), "a long enough password",
                "a long enough password");
        BudgetSummary budget = BudgetTestData.budget(actingAs, budgets, registered.holder(),
                Map.of(FundingStream.COUNCIL_SOCIAL_CARE, penceFromEachFunder, FundingStream.NHS_HEALTH,
                        penceFromEachFunder));
        return new Person("payer." + n, registered.holder().id(), budget);
    }

    /** A delivered, invoiced hour of Riverside's morning help; returns the invoice id. */
    private long invoicedHour(Person p) {
        long listing = actingAs.run(HOLDER, () -> search.search(new SearchQuery("Morning help", null, "TF4", null,
                null, null, null, 0, 1)).results().getFirst().listing().id());
        var purchase = actingAs.run(p.username(), () -> {
            Booking booking = new Booking(p.holderId(), listing, 1, Booking.Frequency.ONE_OFF, 1, org.wholecare.shared.UkTime.today(clock),
                    null, "stripe-" + SEQUENCE.incrementAndGet(), null);
            return bookings.book(booking, bookings.preview(booking));
        });
        actingAs.run(HOME_CARE, () -> providerBookings.accept(purchase.id()));
        actingAs.run(HOME_CARE, () -> providerBookings.recordDelivery(purchase.id(), 1, org.wholecare.shared.UkTime.today(clock)));
        return actingAs.run(HOME_CARE, () -> providerBookings.raiseInvoice(purchase.id(), 1)).invoices().getFirst().id();
    }

    private void connectProvider() {
        String link = actingAs.run(HOME_CARE, () -> connections.connect("http://localhost/provider/bookings"));
        assertThat(link).isEqualTo("https://connect.stripe.test/onboarding");
    }

    private String paymentStatus(long invoiceId) {
        return jdbc.queryForObject("SELECT status FROM payment WHERE invoice_id = ?", String.class, invoiceId);
    }

    @Test
    void aConfirmedInvoiceIsPaidByOneTransferWithAKeyFromTheInvoice() {
        connectProvider();
        Person p = newHolder();
        long invoiceId = invoicedHour(p);
        int before = STUB.transfersMade.get();
        // Stripe holds the transfer: the confirming person does not wait for it, and the
        // confirmation is already recorded with the payment waiting and nothing gone wrong
        var stripeAnswers = new java.util.concurrent.CountDownLatch(1);
        STUB.holdNextTransfer = stripeAnswers;
        actingAs.run(p.username(), () -> invoices.confirm(invoiceId));
        assertThat(paymentStatus(invoiceId)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT last_error FROM payment WHERE invoice_id = ?", String.class, invoiceId))
                .isNull();
        stripeAnswers.countDown();
        payments.awaitSending();
        assertThat(paymentStatus(invoiceId)).isEqualTo("SENT");
        assertThat(STUB.transfersMade.get()).isEqualTo(before + 1);
        assertThat(STUB.transferKeysSeen).contains("wholecare-invoice-" + invoiceId);
        assertThat(jdbc.queryForObject("SELECT stripe_transfer_id FROM payment WHERE invoice_id = ?", String.class,
                invoiceId)).startsWith("tr_stub_");
        // trying again (as the start-up reconciliation does) sends nothing more
        actingAs.run(COMMISSIONER, () -> payments.sendWaitingPayments());
        assertThat(STUB.transfersMade.get()).isEqualTo(before + 1);
    }

    /** Another app instance's sender: the same database and Stripe, its own thread and memory. */
    private PaymentSender anotherInstancesSender() {
        return new PaymentSender(jdbcClient, gateway, settings, connections, transactions, clock);
    }

    @Test
    void aPaymentAnotherSenderIsSendingIsPassedOverNotSentTwice() {
        connectProvider();
        Person p = newHolder();
        long invoiceId = invoicedHour(p);
        var stripeAnswers = new java.util.concurrent.CountDownLatch(1);
        // only this payment's transfer is held, whatever else is sent meanwhile
        STUB.holdOnlyKey = "wholecare-invoice-" + invoiceId;
        STUB.holdNextTransfer = stripeAnswers;
        actingAs.run(p.username(), () -> invoices.confirm(invoiceId));
        long paymentId = jdbc.queryForObject("SELECT id FROM payment WHERE invoice_id = ?", Long.class, invoiceId);
        // this instance's sender is now waiting on Stripe with the payment claimed
        var other = anotherInstancesSender();
        try {
            // the stub takes the hold when the transfer reaches it
            org.awaitility.Awaitility.await().until(() -> STUB.holdNextTransfer == null);
            assertThat(other.send(paymentId)).as("claimed by the first sender").isFalse();
            assertThat(other.sendWaiting()).isZero();
        } finally {
            stripeAnswers.countDown();
            other.stopSending();
        }
        payments.awaitSending();
        assertThat(paymentStatus(invoiceId)).isEqualTo("SENT");
        assertThat(STUB.transferKeysSeen.stream().filter(k -> k.equals("wholecare-invoice-" + invoiceId))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM payment WHERE id = ?", Integer.class, paymentId)).isOne();
    }

    @Test
    void twoHundredInvoicesConfirmedWhileTwoInstancesSendAreEachPaidOnce() throws Exception {
        connectProvider();
        List<Long> invoiceIds = new java.util.ArrayList<>();
        List<Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (i % 40 == 0) {
                people.add(newHolder(2_000_000L));
            }
            invoiceIds.add(invoicedHour(people.getLast()));
        }
        var other = anotherInstancesSender();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        STUB.transferMillis = 2;
        // both instances' retry jobs run over and over while people confirm; each confirmation also
        // goes to this instance's background sender
        var retries = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var jobs = List.of(retries.submit(() -> {
                while (!stop.get()) {
                    other.sendWaiting();
                }
            }), retries.submit(() -> {
                while (!stop.get()) {
                    actingAs.run(COMMISSIONER, () -> payments.sendWaitingPayments());
                }
            }));
            for (int i = 0; i < invoiceIds.size(); i++) {
                long invoiceId = invoiceIds.get(i);
                actingAs.run(people.get(i / 40).username(), () -> invoices.confirm(invoiceId));
            }
            payments.awaitSending();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM payment WHERE status = 'PENDING' AND method = 'STRIPE'", Long.class) == 0);
            stop.set(true);
            for (var job : jobs) {
                job.get(1, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            stop.set(true);
            STUB.transferMillis = 0;
            retries.shutdownNow();
            other.stopSending();
        }
        for (long invoiceId : invoiceIds) {
            String key = "wholecare-invoice-" + invoiceId;
            assertThat(STUB.transferKeysSeen.stream().filter(key::equals)).as(key).hasSize(1);
            assertThat(paymentStatus(invoiceId)).isEqualTo("SENT");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE attempts <> 1 AND invoice_id IN ("
                + String.join(",", invoiceIds.stream().map(String::valueOf).toList()) + ")", Long.class)).isZero();
    }

    @Test
    void aTimeoutIsRetriedWithTheSameKeyAndPaysOnce() {
        connectProvider();
        Person p = newHolder();
        long invoiceId = invoicedHour(p);
        int before = STUB.transfersMade.get();
        STUB.slowNextTransfer = true;
        actingAs.run(p.username(), () -> invoices.confirm(invoiceId));
        payments.awaitSending();
        // the ledger has the spend; the payment waits, with the reason
        assertThat(paymentStatus(invoiceId)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT last_error FROM payment WHERE invoice_id = ?", String.class, invoiceId))
                .isNotBlank();
        actingAs.run(COMMISSIONER, () -> payments.sendWaitingPayments());
        assertThat(paymentStatus(invoiceId)).isEqualTo("SENT");
        assertThat(STUB.transfersMade.get()).isEqualTo(before + 1);
        assertThat(STUB.transferKeysSeen.stream().filter(k -> k.equals("wholecare-invoice-" + invoiceId))).hasSize(2);
    }

    @Test
    void aDeclinedCardCreditsNothing() {
        Person p = newHolder();
        STUB.declineNextCheckout = true;
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> topUps.startTopUp(2_500, "http://localhost/budget")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("declined");
        assertThat(topUp(p)).isZero();
        // a card declined on Stripe's own page: the session fails, and nothing is credited
        String session = actingAs.run(p.username(), () -> topUps.startTopUp(2_500, "http://localhost/budget"));
        String id = session.substring(session.lastIndexOf('/') + 1);
        post(event("evt_fail_" + id, "checkout.session.async_payment_failed", id, "unpaid", 2_500), true);
        assertThat(topUp(p)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM top_up WHERE stripe_session_id = ?", String.class, id))
                .isEqualTo("FAILED");
    }

    @Test
    void aPaidTopUpIsCreditedOnceHoweverOftenTheWebhookComesAndNotAtAllIfForged() throws Exception {
        Person p = newHolder();
        String url = actingAs.run(p.username(), () -> topUps.startTopUp(2_500, "http://localhost/budget"));
        String session = url.substring(url.lastIndexOf('/') + 1);
        String paid = event("evt_paid_" + session, "checkout.session.completed", session, "paid", 2_500);

        // forged: signed with another secret, or stale
        assertThat(post(paid, "whsec_someone_else", clock.instant().getEpochSecond())).isEqualTo(400);
        assertThat(post(paid, WEBHOOK_SECRET, clock.instant().getEpochSecond() - 3_600)).isEqualTo(400);
        assertThat(topUp(p)).isZero();

        assertThat(post(paid, true)).isEqualTo(200);
        assertThat(post(paid, true)).isEqualTo(200);
        assertThat(topUp(p)).isEqualTo(2_500);
        // an expiry arriving late, after the payment, changes nothing
        post(event("evt_late_" + session, "checkout.session.expired", session, "unpaid", 2_500), true);
        assertThat(topUp(p)).isEqualTo(2_500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stripe_event WHERE id = ?", Long.class,
                "evt_paid_" + session)).isEqualTo(1);
        assertThatThrownBy(() -> topUps.handleWebhook(paid, "t=1,v1=00"))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void aTopUpPaidForAnotherAmountCreditsWhatTheCardWasChargedOnce() {
        Person p = newHolder();
        String url = actingAs.run(p.username(), () -> topUps.startTopUp(2_500, "http://localhost/budget"));
        String session = url.substring(url.lastIndexOf('/') + 1);
        // Stripe says £20.00 was taken, not the £25.00 asked: the person has paid £20.00
        String paid = event("evt_other_amount_" + session, "checkout.session.completed", session, "paid", 2_000);
        assertThat(post(paid, true)).isEqualTo(200);
        assertThat(post(paid, true)).isEqualTo(200);
        assertThat(topUp(p)).isEqualTo(2_000);
        assertThat(jdbc.queryForObject("SELECT status FROM top_up WHERE stripe_session_id = ?", String.class, session))
                .isEqualTo("CREDITED");
    }

    @Test
    void aStripePaymentStillBeingTriedIsNotPaidAnotherWayUntilStripeGivesUp() {
        connectProvider();
        Person p = newHolder();
        long invoiceId = invoicedHour(p);
        // Stripe makes the transfer but its answer is lost
        STUB.slowNextTransfer = true;
        actingAs.run(p.username(), () -> invoices.confirm(invoiceId));
        payments.awaitSending();
        assertThat(paymentStatus(invoiceId)).isEqualTo("PENDING");
        long paymentId = jdbc.queryForObject("SELECT id FROM payment WHERE invoice_id = ?", Long.class, invoiceId);
        var waiting = actingAs.run(COMMISSIONER, () -> payments.waitingInMyArea()).stream()
                .filter(w -> w.id() == paymentId).findFirst().orElseThrow();
        assertThat(waiting.canRecordOutside()).isFalse();
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> {
            payments.recordSettledOutside(paymentId, "BACS from the council");
            return null;
        })).isInstanceOf(ValidationException.class).hasMessageContaining("Stripe is still paying");
        assertThat(paymentStatus(invoiceId)).isEqualTo("PENDING");

        // a day on, Stripe may have forgotten the key: retries stop rather than risk a second transfer
        jdbc.update("UPDATE payment SET created_at = DATE_SUB(created_at, INTERVAL 24 HOUR) WHERE id = ?", paymentId);
        String key = "wholecare-invoice-" + invoiceId;
        long triesBefore = STUB.transferKeysSeen.stream().filter(key::equals).count();
        actingAs.run(COMMISSIONER, () -> payments.sendWaitingPayments());
        assertThat(STUB.transferKeysSeen.stream().filter(key::equals).count()).isEqualTo(triesBefore);
        assertThat(paymentStatus(invoiceId)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT last_error FROM payment WHERE id = ?", String.class, paymentId))
                .contains("wholecare-invoice-" + invoiceId);
        // now a person who has checked Stripe may record it
        actingAs.run(COMMISSIONER, () -> {
            payments.recordSettledOutside(paymentId, "Found the transfer in Stripe's dashboard");
            return null;
        });
        assertThat(paymentStatus(invoiceId)).isEqualTo("SETTLED");
    }

    @Test
    void aWebhookFindsItsTopUpByOurReferenceAndOneNobodyKnowsIsLeftForStripeToSendAgain() {
        Person p = newHolder();
        String url = actingAs.run(p.username(), () -> topUps.startTopUp(1_200, "http://localhost/budget"));
        String session = url.substring(url.lastIndexOf('/') + 1);
        long topUpId = jdbc.queryForObject("SELECT id FROM top_up WHERE stripe_session_id = ?", Long.class, session);
        // as if the app stopped before it wrote Stripe's session id down
        jdbc.update("UPDATE top_up SET stripe_session_id = NULL WHERE id = ?", topUpId);

        String unknown = event("evt_unknown_" + session, "checkout.session.completed", "cs_nobody_knows", null,
                "paid", 1_200);
        assertThat(post(unknown, true)).isEqualTo(503);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stripe_event WHERE id = ?", Long.class,
                "evt_unknown_" + session)).isZero();

        String paid = event("evt_ref_" + session, "checkout.session.completed", session, "top-up-" + topUpId, "paid",
                1_200);
        assertThat(post(paid, true)).isEqualTo(200);
        assertThat(topUp(p)).isEqualTo(1_200);
        assertThat(post(paid, true)).isEqualTo(200);
        assertThat(topUp(p)).isEqualTo(1_200);
    }

    @Test
    void aPaymentThatArrivesAfterAnExpiryIsStillCreditedOnceAndAnUnreadableEventIsRefused() {
        Person p = newHolder();
        String url = actingAs.run(p.username(), () -> topUps.startTopUp(3_000, "http://localhost/budget"));
        String session = url.substring(url.lastIndexOf('/') + 1);
        // out of order: Stripe's "expired" reaches us before the earlier "paid"
        assertThat(post(event("evt_exp_" + session, "checkout.session.expired", session, "unpaid", 3_000), true))
                .isEqualTo(200);
        assertThat(topUp(p)).isZero();
        assertThat(post(event("evt_paid2_" + session, "checkout.session.completed", session, "paid", 3_000), true))
                .isEqualTo(200);
        assertThat(topUp(p)).isEqualTo(3_000);
        assertThat(jdbc.queryForObject("SELECT status FROM top_up WHERE stripe_session_id = ?", String.class, session))
                .isEqualTo("CREDITED");

        assertThat(post("{this is not json", true)).isEqualTo(400);
        assertThat(topUp(p)).isEqualTo(3_000);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsReadWhetherItsLengthIsGivenOrNot() throws Exception {
        long hundredMegabytes = 100L * 1024 * 1024;
        HttpClient http = HttpClient.newHttpClient();
        // Content-Length says how much is coming: refused on that alone
        HttpResponse<String> declared = http.send(webhook().POST(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(hundredMegabytes)), hundredMegabytes))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        // sent in chunks with no length: read only up to the limit, then refused
        HttpResponse<String> chunked = http.send(webhook().POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ZeroStream(hundredMegabytes))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        // a real event still gets through
        assertThat(post(event("evt_after_flood_" + SEQUENCE.incrementAndGet(), "customer.created", "cs_x", "paid", 1),
                true)).isEqualTo(200);
    }

    @Test
    void anUnexpectedFailureWithASignedEventAnswers500AndLeavesTheEventForStripeToSendAgain() {
        String id = "evt_not_a_session_" + SEQUENCE.incrementAndGet();
        // signed and well-formed, but not the checkout session its type promises
        String payload = """
                {"id":"%s","object":"event","type":"checkout.session.completed","api_version":"%s","created":1,
                 "data":{"object":{"id":"ch_1","object":"charge","amount":100}}}"""
                .formatted(id, com.stripe.Stripe.API_VERSION);
        assertThat(post(payload, true)).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stripe_event WHERE id = ?", Long.class, id))
                .as("not marked as seen, so the resend is applied").isZero();
    }

    @Test
    void aProviderStillWaitingForItsChecksCannotConnectAStripeAccount() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM payout_account", Long.class);
        int created = STUB.accountsCreated.get();
        assertThatThrownBy(() -> actingAs.run(UNCHECKED_PROVIDER, () -> connections.connect("http://localhost/provider/bookings")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("once a commissioner has checked your organisation"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout_account", Long.class)).isEqualTo(before);
        assertThat(STUB.accountsCreated.get()).as("no account asked of Stripe").isEqualTo(created);
    }

    private HttpRequest.Builder webhook() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhook"))
                .header("Content-Type", "application/json").header("Stripe-Signature", "t=1,v1=00");
    }

    /** Zeros, as many as asked for, without holding them in memory. */
    private static final class ZeroStream extends java.io.InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    private long topUp(Person p) {
        return actingAs.run(COMMISSIONER, () -> ledger.balance(p.budget().id()))
                .stream(FundingStream.PRIVATE_TOP_UP).allocated();
    }

    private static String event(String id, String type, String session, String paymentStatus, long amount) {
        return event(id, type, session, null, paymentStatus, amount);
    }

    private static String event(String id, String type, String session, String reference, String paymentStatus,
            long amount) {
        return """
                {"id":"%s","object":"event","type":"%s","api_version":"%s","created":1,
                 "data":{"object":{"id":"%s","object":"checkout.session","client_reference_id":%s,
                 "payment_status":"%s","amount_total":%d}}}"""
                .formatted(id, type, com.stripe.Stripe.API_VERSION, session,
                        reference == null ? "null" : "\"" + reference + "\"", paymentStatus, amount);
    }

    private int post(String payload, boolean signed) {
        return post(payload, signed ? WEBHOOK_SECRET : "wrong", clock.instant().getEpochSecond());
    }

    /** Posts to the running app's webhook endpoint with a Stripe-Signature header made as Stripe makes it. */
    private int post(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload)
                    .getBytes(StandardCharsets.UTF_8)));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhook"))
                    .header("Content-Type", "application/json")
                    .header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
