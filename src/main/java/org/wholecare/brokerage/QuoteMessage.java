package org.wholecare.brokerage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message in a quote's thread. A provider's message may be an offer: a price per unit and
 * what it covers. Messages are never changed; a new price is a new offer.
 *
 * @param authorWhere the author's organisation, or their role when they have none (a carer)
 */
public record QuoteMessage(long id, String authorName, String authorWhere, boolean fromProvider,
        @Nullable String body, @Nullable Long pricePence, @Nullable String terms, Instant at) {

    public boolean offer() {
        return pricePence != null;
    }
}
