package org.wholecare.payment;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wholecare.security.SystemActor;

/** Finishes payments left waiting: at start-up, after a crash between the ledger and Stripe, and every 5 minutes. */
@Component
class PaymentJobs implements ApplicationRunner {

    private final Payouts payments;
    private final LockingTaskExecutor locks;

    PaymentJobs(Payouts payments, LockProvider lockProvider) {
        this.payments = payments;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    /** At start-up too, under the same lock as the retries: instances starting together send once. */
    @Override
    public void run(ApplicationArguments args) {
        locks.executeWithLock((Runnable) () -> SystemActor.asAdministrator(payments::sendWaitingPayments),
                new LockConfiguration(Instant.now(), "payments-send-waiting", Duration.ofMinutes(30), Duration.ZERO));
    }

    @SchedulerLock(name = "payments-send-waiting", lockAtMostFor = "PT30M")
    @Scheduled(fixedDelayString = "${wholecare.payments.retry-every:5m}", initialDelayString = "${wholecare.payments.retry-every:5m}")
    public void sendWaiting() {
        SystemActor.asAdministrator(payments::sendWaitingPayments);
    }
}
