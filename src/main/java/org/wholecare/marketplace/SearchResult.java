package org.wholecare.marketplace;

import org.jspecify.annotations.Nullable;

/**
 * A listing found by a search, with how its price compares with the typical price for that kind
 * of support in that district, so nobody pays over the odds without knowing.
 *
 * @param percentVersusTypical negative when cheaper than typical; null when there is nothing to compare
 */
public record SearchResult(Listing listing, @Nullable Long typicalPricePence, @Nullable Integer percentVersusTypical) {

    public String priceComparison() {
        if (percentVersusTypical == null) {
            return "No other prices to compare with here yet";
        }
        if (percentVersusTypical == 0) {
            return "About the typical price here";
        }
        return Math.abs(percentVersusTypical) + "% " + (percentVersusTypical < 0 ? "below" : "above") + " typical here";
    }
}
