package org.wholecare.ledger;

/** One source of money inside a budget. Each funder accounts for its own stream. */
public enum FundingStream {
    NHS_HEALTH("NHS health"),
    COUNCIL_SOCIAL_CARE("Council social care"),
    ASSESSED_CONTRIBUTION("Assessed contribution"),
    PRIVATE_TOP_UP("Private top-up");

    private final String label;

    FundingStream(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The stream's name as the person reading it would say it: "Your assessed contribution" to the
     * holder ({@code person} null), "Sam's assessed contribution" to anyone looking at Sam's budget.
     */
    public String labelFor(@org.jspecify.annotations.Nullable String person) {
        if (this != ASSESSED_CONTRIBUTION) {
            return label();
        }
        return person == null ? "Your assessed contribution" : person + "'s assessed contribution";
    }
}
