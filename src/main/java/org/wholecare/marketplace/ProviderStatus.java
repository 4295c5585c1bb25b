package org.wholecare.marketplace;

/** Where a provider stands with the commissioners. Only verified providers' listings are seen. */
public enum ProviderStatus {
    PENDING("Waiting to be checked"),
    VERIFIED("Verified"),
    REJECTED("Not approved"),
    SUSPENDED("Suspended");

    private final String label;

    ProviderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
