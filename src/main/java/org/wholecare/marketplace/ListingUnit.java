package org.wholecare.marketplace;

/** What one price buys. */
public enum ListingUnit {
    HOUR("hour"), SESSION("session"), DAY("day"), ITEM("item");

    private final String label;

    ListingUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
