package org.wholecare.payment;

import com.stripe.exception.SignatureVerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Where Stripe tells us what happened. Anything not signed with our webhook secret, recently, is refused. */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final PaymentService payments;

    StripeWebhookController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping(path = "/stripe/webhook", consumes = "application/json")
    ResponseEntity<String> receive(@RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        try {
            return ResponseEntity.ok(payments.handleWebhook(payload, signature == null ? "" : signature).name());
        } catch (SignatureVerificationException e) {
            log.warn("Refused a Stripe webhook: {}", e.getMessage());
            return ResponseEntity.badRequest().body("Signature refused");
        } catch (PaymentService.UnknownTopUpException e) {
            // not recorded as seen: Stripe sends it again, by which time the top-up may be written
            log.warn("Stripe webhook for a top-up not found yet: {}", e.getMessage());
            return ResponseEntity.status(503).body("Unknown top-up; try again later");
        } catch (IllegalArgumentException e) {
            log.warn("Refused an unreadable Stripe webhook: {}", e.getMessage());
            return ResponseEntity.badRequest().body("Unreadable event");
        }
    }
}
