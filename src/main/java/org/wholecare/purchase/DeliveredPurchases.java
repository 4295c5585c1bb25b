package org.wholecare.purchase;

import org.springframework.stereotype.Component;
import org.wholecare.marketplace.ReviewEligibility;

/** A holder may review a provider once it has delivered something they bought. */
@Component
class DeliveredPurchases implements ReviewEligibility {

    private final Invoices invoices;

    DeliveredPurchases(Invoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public boolean hasDeliveredPurchase(long holderAccountId, long providerOrganisationId) {
        return invoices.hasVerifiedPurchase(holderAccountId, providerOrganisationId);
    }
}
