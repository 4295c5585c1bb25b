package org.wholecare.brokerage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request to a provider for a price and terms, and the conversation that follows. The latest
 * offer in the thread is the current one ({@code quotedPricePence}, {@code quotedTerms}).
 */
public record Quote(long id, long holderId, String holderFirstName, String holderDistrict, long listingId,
        String title, String providerName, String unit, String requestedByName, Instant requestedAt,
        @Nullable Long quotedPricePence, @Nullable String quotedTerms, List<QuoteMessage> messages) {

    public boolean answered() {
        return quotedPricePence != null;
    }

    /** The provider has not had the last word yet. */
    public boolean waitingForProvider() {
        return messages.isEmpty() || !messages.getLast().fromProvider();
    }

    Quote withMessages(List<QuoteMessage> thread) {
        return new Quote(id, holderId, holderFirstName, holderDistrict, listingId, title, providerName, unit,
                requestedByName, requestedAt, quotedPricePence, quotedTerms, List.copyOf(thread));
    }
}
