package org.wholecare.marketplace;

/** A provider's own switch for a listing; published listings are seen only once the provider is verified. */
public enum ListingStatus {
    DRAFT("Draft"), PUBLISHED("Published"), PAUSED("Paused");

    private final String label;

    ListingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
