package org.wholecare.brokerage;

import org.jspecify.annotations.Nullable;

/** A listing kept in mind for a client, with the broker's note. */
public record ShortlistItem(long id, long listingId, String title, String providerName, long providerId,
        long pricePence, String unit, @Nullable String note, @Nullable String addedByName) {
}
