package org.wholecare.brokerage;

import java.time.Instant;

/** A request to a provider for a price and terms, and the provider's answer. */
public record Quote(long id, long holderId, String holderFirstName, String holderDistrict, long listingId,
        String title, String providerName, String requestedByName, String message, Instant requestedAt,
        Long quotedPricePence, String quotedTerms) {

    public boolean answered() {
        return quotedPricePence != null;
    }
}
