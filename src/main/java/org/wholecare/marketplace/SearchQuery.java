package org.wholecare.marketplace;

import org.jspecify.annotations.Nullable;

/**
 * What a person is looking for. Any field may be empty except the district.
 *
 * @param maxPricePence highest price per unit, in pence
 * @param day           MON to SUN
 */
public record SearchQuery(@Nullable String text, @Nullable Long categoryId, String district,
        @Nullable Long maxPricePence, @Nullable String day, @Nullable String language, @Nullable Sort sort, int offset,
        int limit) {

    public enum Sort {
        RELEVANCE("Best match"), PRICE("Lowest price"), RATING("Best rated");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
