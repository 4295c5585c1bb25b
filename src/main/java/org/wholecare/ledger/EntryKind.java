package org.wholecare.ledger;

/** What a ledger entry did, in the words the statements use. */
public enum EntryKind {
    ALLOCATE("Money allocated"),
    ADJUST("Allocation changed"),
    COMMIT("Money set aside for a booking"),
    RELEASE("Set-aside money returned"),
    SPEND("Paid to a provider"),
    REVERSE("Correction");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
