package org.wholecare.payment;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wholecare.security.SystemActor;

/** Finishes payments left waiting: at start-up, after a crash between the ledger and Stripe, and every 5 minutes. */
@Component
class PaymentJobs implements ApplicationRunner {

    private final Payouts payments;

    PaymentJobs(Payouts payments) {
        this.payments = payments;
    }

    @Override
    public void run(ApplicationArguments args) {
        sendWaiting();
    }

    @Scheduled(fixedDelayString = "${wholecare.payments.retry-every:5m}", initialDelayString = "${wholecare.payments.retry-every:5m}")
    void sendWaiting() {
        SystemActor.asAdministrator(payments::sendWaitingPayments);
    }
}
