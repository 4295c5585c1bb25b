package org.wholecare.payment;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wholecare.security.SystemActor;

/**
 * Finishes payments left waiting: at start-up, after a crash between the ledger and Stripe, and every
 * 5 minutes. Every instance runs it, with no lock across the fleet: each payment is claimed in the
 * database as it is sent (PaymentSender), so instances share the work, and one that dies mid-way
 * holds nothing up (a fleet-wide lock would stay with the dead instance for its longest time).
 */
@Component
class PaymentJobs implements ApplicationRunner {

    private final Payouts payments;

    PaymentJobs(Payouts payments) {
        this.payments = payments;
    }

    /** In the background: an instance with many payments waiting is ready for people meanwhile. */
    @Override
    public void run(ApplicationArguments args) {
        Thread.ofPlatform().name("payments-at-start-up").daemon().start(() -> {
            try {
                SystemActor.asAdministrator(payments::sendWaitingPayments);
            } catch (RuntimeException e) {
                // the retry job tries them again in a few minutes
                org.slf4j.LoggerFactory.getLogger(PaymentJobs.class).warn("Payments waiting at start-up not sent yet: {}",
                        e.getMessage());
            }
        });
    }

    @Scheduled(fixedDelayString = "${wholecare.payments.retry-every:5m}", initialDelayString = "${wholecare.payments.retry-every:5m}")
    public void sendWaiting() {
        SystemActor.asAdministrator(payments::sendWaitingPayments);
    }
}
