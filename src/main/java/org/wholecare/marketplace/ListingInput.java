package org.wholecare.marketplace;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a provider enters for a listing. Money is in pence. */
public record ListingInput(@Nullable Long categoryId, @Nullable String title, @Nullable String description,
        @Nullable ListingUnit unit, long pricePence, @Nullable List<@Nullable String> districts,
        @Nullable List<@Nullable String> days, @Nullable String times, @Nullable String languages,
        @Nullable String accessibility, @Nullable ListingStatus status) {
}
