package org.wholecare.marketplace;

import java.time.Instant;

/**
 * A commissioner's decision about a provider, as kept in its history.
 *
 * @param from null for decisions made before the history was kept
 */
public record ProviderDecision(long organisationId, ProviderStatus from, ProviderStatus to, String reason,
        String decidedByName, Instant decidedAt) {
}
