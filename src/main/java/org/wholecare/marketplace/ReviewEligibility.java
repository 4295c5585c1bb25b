package org.wholecare.marketplace;

/**
 * Whether a budget holder may review a provider: only once they have bought and received a service
 * from it through Wholecare (a verified purchase). The purchase feature supplies the real answer;
 * the marketplace adds that each holder reviews a provider once.
 */
public interface ReviewEligibility {

    boolean hasDeliveredPurchase(long holderAccountId, long providerOrganisationId);
}
