package org.wholecare.marketplace;

import java.time.Instant;

/** A budget holder's rating of a provider, with the provider's reply. */
public record Review(long id, long organisationId, int stars, String wording, String providerReply, boolean reported,
        Instant createdAt, String providerName) {
}
