package org.wholecare.purchase;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wholecare.security.SystemActor;

/** Confirms invoices nobody confirmed or disputed in time. */
@Component
class PurchaseJobs {

    private final Invoices invoices;

    PurchaseJobs(Invoices invoices) {
        this.invoices = invoices;
    }

    // held for at least 50 minutes: instances that started at different times still confirm once an hour between them
    @SchedulerLock(name = "invoices-confirm-overdue", lockAtMostFor = "PT55M", lockAtLeastFor = "PT50M")
    @Scheduled(fixedDelayString = "${wholecare.invoices.check-every:1h}", initialDelayString = "1m")
    public void confirmOverdue() {
        SystemActor.asAdministrator(invoices::confirmOverdue);
    }
}
