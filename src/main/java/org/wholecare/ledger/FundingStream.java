package org.wholecare.ledger;

/** One source of money inside a budget. Each funder accounts for its own stream. */
public enum FundingStream {
    NHS_HEALTH("NHS health"),
    COUNCIL_SOCIAL_CARE("Council social care"),
    ASSESSED_CONTRIBUTION("Your assessed contribution"),
    PRIVATE_TOP_UP("Private top-up");

    private final String label;

    FundingStream(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
