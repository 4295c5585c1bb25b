package org.wholecare.marketplace;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A provider's service with its price, where and when it is offered, and how it is rated. */
public record Listing(long id, long organisationId, String providerName, long categoryId, String categoryName,
        String title, String description, ListingUnit unit, long pricePence, ListingStatus status, boolean visible,
        List<String> days, @Nullable String times, List<String> languages, @Nullable String accessibility,
        @Nullable Double ratingAverage,
        int reviewCount, List<String> districts) {
}
