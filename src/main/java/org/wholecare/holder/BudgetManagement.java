package org.wholecare.holder;

/** How the money in a budget is handled. */
public enum BudgetManagement {
    DIRECT_PAYMENT("Direct payment", "The money is paid to you, and you pay for your support."),
    THIRD_PARTY("Managed by a brokerage", "A brokerage holds the money and pays for support on your behalf."),
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
}
