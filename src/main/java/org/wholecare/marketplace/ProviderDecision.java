package org.wholecare.marketplace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A commissioner's decision about a provider, as kept in its history.
 *
 * @param from null for decisions made before the history was kept
 */
public record ProviderDecision(long organisationId, @Nullable ProviderStatus from, ProviderStatus to,
        @Nullable String reason, @Nullable String decidedByName, Instant decidedAt) {
}
