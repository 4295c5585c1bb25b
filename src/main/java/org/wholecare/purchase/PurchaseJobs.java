package org.wholecare.purchase;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wholecare.security.SystemActor;

/** Confirms invoices nobody confirmed or disputed in time. */
@Component
class PurchaseJobs {

    private final PurchaseService purchases;

    PurchaseJobs(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @Scheduled(fixedDelayString = "${wholecare.invoices.check-every:1h}", initialDelayString = "1m")
    void confirmOverdue() {
        SystemActor.asAdministrator(purchases::confirmOverdueInvoices);
    }
}
