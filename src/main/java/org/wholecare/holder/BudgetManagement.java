package org.wholecare.holder;

/** How the money in a budget is handled. */
public enum BudgetManagement {
    DIRECT_PAYMENT("Direct payment", "The money is paid to you, and you pay for your support."),
    THIRD_PARTY("Managed by a brokerage", "A brokerage holds the money and pays providers for the support you "
            + "agree to. What the brokerage may do for you is a separate choice, yours to make on Who can help."),
    NOTIONAL("Notional budget", "The council or NHS holds the money and arranges the support you choose.");

    private final String label;
    private final String explanation;

    BudgetManagement(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    /** The explanation for whoever is reading: the holder ({@code person} null), or someone looking at their budget. */
    public String explanationFor(@org.jspecify.annotations.Nullable String person) {
        if (person == null) {
            return explanation;
        }
        return switch (this) {
            case DIRECT_PAYMENT -> "The money is paid to " + person + ", and " + person + " pays for their support.";
            case THIRD_PARTY -> "A brokerage holds the money and pays providers for the support " + person
                    + " agrees to. What the brokerage may do for " + person + " is a separate choice, " + person
                    + "'s to make.";
            case NOTIONAL -> "The council or NHS holds the money and arranges the support " + person + " chooses.";
        };
    }
}
