package org.wholecare.marketplace;

/**
 * Whether a budget holder may review a provider: only after the provider has delivered something
 * the holder bought through Wholecare. The purchase feature supplies the real answer.
 */
public interface ReviewEligibility {

    boolean hasDeliveredPurchase(long holderAccountId, long providerOrganisationId);
}
