package org.wholecare.organisation;

/** The kinds of organisation that take part in Wholecare. */
public enum OrganisationType {
    COUNCIL("Council"),
    NHS_BOARD("NHS integrated care board"),
    BROKERAGE("Brokerage"),
    PROVIDER("Care or health provider");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Councils and NHS boards fund budgets; their staff are commissioners. */
    public boolean isCommissioning() {
        return this == COUNCIL || this == NHS_BOARD;
    }
}
