package org.wholecare.purchase;

import org.springframework.stereotype.Component;
import org.wholecare.marketplace.ReviewEligibility;

/** A holder may review a provider once it has delivered something they bought. */
@Component
class DeliveredPurchases implements ReviewEligibility {

    private final PurchaseService purchases;

    DeliveredPurchases(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @Override
    public boolean hasDeliveredPurchase(long holderAccountId, long providerOrganisationId) {
        return purchases.hasVerifiedPurchase(holderAccountId, providerOrganisationId);
    }
}
