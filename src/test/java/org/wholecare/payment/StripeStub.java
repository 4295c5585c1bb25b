package org.wholecare.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the parts of Stripe's API the app calls, behaving as Stripe does: a transfer
 * sent again with the same idempotency key returns the first transfer instead of making another.
 * It can answer slowly once (a timeout the caller retries), hold a transfer until told, or decline a card.
 */
public final class StripeStub implements AutoCloseable {

    private final HttpServer server;
    public final Map<String, String> transferByKey = new ConcurrentHashMap<>();
    final AtomicInteger transfersMade = new AtomicInteger();
    public final List<String> transferKeysSeen = new CopyOnWriteArrayList<>();
    final AtomicInteger sessions = new AtomicInteger();
    final AtomicInteger accountsCreated = new AtomicInteger();
    volatile boolean slowNextTransfer;
    volatile boolean declineNextCheckout;
    /** How long every transfer takes to answer, as Stripe over a real network does. */
    public volatile int transferMillis;
    /** When set, the next transfer waits for this before answering (for at most 10 s). */
    volatile java.util.concurrent.CountDownLatch holdNextTransfer;
    /** When set, only the transfer with this idempotency key is held. */
    volatile String holdOnlyKey;

    public StripeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/transfers", this::transfer);
        server.createContext("/v1/accounts", exchange -> {
            accountsCreated.incrementAndGet();
            reply(exchange, 200, "{\"id\":\"acct_stub_provider\",\"object\":\"account\"}");
        });
        server.createContext("/v1/account_links", exchange -> reply(exchange, 200,
                "{\"object\":\"account_link\",\"url\":\"https://connect.stripe.test/onboarding\"}"));
        server.createContext("/v1/checkout/sessions", this::checkout);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void transfer(HttpExchange exchange) throws IOException {
        var hold = holdNextTransfer;
        String heldKey = holdOnlyKey;
        if (hold != null && (heldKey == null || heldKey.equals(exchange.getRequestHeaders().getFirst("Idempotency-Key")))) {
            holdNextTransfer = null;
            holdOnlyKey = null;
            try {
                hold.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (transferMillis > 0) {
            sleep(transferMillis);
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        transferKeysSeen.add(key);
        boolean fresh = !transferByKey.containsKey(key);
        String id = transferByKey.computeIfAbsent(key, k -> "tr_stub_" + transfersMade.incrementAndGet());
        if (fresh && slowNextTransfer) {
            // Stripe made the transfer, but the answer comes too late for the caller
            slowNextTransfer = false;
            sleep(6_000);
        }
        String amount = body.replaceAll(".*amount=(\\d+).*", "$1");
        reply(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"transfer\",\"amount\":" + amount
                + ",\"currency\":\"gbp\"}");
    }

    private void checkout(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (declineNextCheckout) {
            declineNextCheckout = false;
            reply(exchange, 402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                    + "\"message\":\"Your card was declined.\"}}");
            return;
        }
        String id = "cs_test_stub_" + sessions.incrementAndGet();
        reply(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"url\":"
                + "\"https://checkout.stripe.test/" + id + "\",\"payment_status\":\"unpaid\"}");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the caller gave up waiting
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
