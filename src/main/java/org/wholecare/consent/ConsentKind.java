package org.wholecare.consent;

/** Who a grant is for: an organisation of brokers, or a named person. */
public enum ConsentKind {
    BROKERAGE("Brokerage"),
    REPRESENTATIVE("Carer or representative"),
    DEPUTY("Court-appointed deputy"),
    ATTORNEY("Attorney (lasting power of attorney)");

    private final String label;

    ConsentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Deputies and attorneys hold legal authority that only the court or the person's own deed can end. */
    public boolean legalAuthority() {
        return this == DEPUTY || this == ATTORNEY;
    }
}
