package org.wholecare.marketplace;

import java.util.List;

/** What a provider enters for a listing. Money is in pence. */
public record ListingInput(Long categoryId, String title, String description, ListingUnit unit, long pricePence,
        List<String> districts, List<String> days, String times, String languages, String accessibility,
        ListingStatus status) {
}
