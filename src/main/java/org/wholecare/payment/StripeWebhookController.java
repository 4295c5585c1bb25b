package org.wholecare.payment;

import com.stripe.exception.SignatureVerificationException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.wholecare.platform.SourceAddress;
import org.wholecare.platform.Throttle;

/**
 * Where Stripe tells us what happened. Anything not signed with our webhook secret, recently, is
 * refused. The body is read only up to a limit (Stripe's events are a few kilobytes), so nobody can
 * fill the server's memory by posting here; and anything that goes wrong while applying a signed
 * event answers 500, so Stripe sends it again rather than a paid top-up being lost.
 */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final CardTopUps topUps;
    private final int maxBytes;
    // Stripe sends from a handful of addresses, in bursts at busy times; a flood from anywhere else waits
    private final Throttle perAddress;

    StripeWebhookController(CardTopUps topUps, java.time.Clock clock,
            @Value("${wholecare.stripe.webhook-max-bytes:262144}") int maxBytes) {
        this.topUps = topUps;
        this.maxBytes = maxBytes;
        this.perAddress = new Throttle("stripe-webhook", 200, java.time.Duration.ofSeconds(10), clock);
    }

    @PostMapping(path = "/stripe/webhook", consumes = "application/json", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(HttpServletRequest request,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) throws IOException {
        if (!perAddress.tryAcquire(SourceAddress.of(request.getRemoteAddr()))) {
            // Stripe sends again later, as it does for any answer but success
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "10")
                    .body("Too many requests; try again later");
        }
        if (request.getContentLengthLong() > maxBytes) {
            log.warn("Refused a webhook of {} bytes before reading it", request.getContentLengthLong());
            return tooLarge();
        }
        String payload;
        try (InputStream body = request.getInputStream()) {
            byte[] read = body.readNBytes(maxBytes + 1);
            if (read.length > maxBytes) {
                log.warn("Refused a webhook longer than {} bytes", maxBytes);
                return tooLarge();
            }
            payload = new String(read, StandardCharsets.UTF_8);
        }
        try {
            return ResponseEntity.ok(topUps.handleWebhook(payload, signature == null ? "" : signature).name());
        } catch (SignatureVerificationException e) {
            log.warn("Refused a Stripe webhook: {}", e.getMessage());
            return ResponseEntity.badRequest().body("Signature refused");
        } catch (CardTopUps.UnknownTopUpException e) {
            // not recorded as seen: Stripe sends it again, by which time the top-up may be written
            log.warn("Stripe webhook for a top-up not found yet: {}", e.getMessage());
            return ResponseEntity.status(503).body("Unknown top-up; try again later");
        } catch (CardTopUps.UnreadableEventException e) {
            log.warn("Refused an unreadable Stripe webhook: {}", e.getMessage());
            return ResponseEntity.badRequest().body("Unreadable event");
        } catch (RuntimeException e) {
            // the event's transaction rolled back, so it is not marked as seen: Stripe's retry applies it
            log.error("Could not apply a signed Stripe webhook; Stripe will send it again", e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("Not applied; send it again");
        }
    }

    private static ResponseEntity<String> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close")
                .body("Too large for a Stripe event");
    }
}
