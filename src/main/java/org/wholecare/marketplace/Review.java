package org.wholecare.marketplace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A budget holder's rating of a provider, with the provider's reply. */
public record Review(long id, long organisationId, int stars, String wording, @Nullable String providerReply,
        boolean reported,
        Instant createdAt, String providerName) {
}
