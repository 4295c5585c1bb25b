package org.wholecare.consent;

/** What a grant lets someone do for a budget holder; each scope includes the ones before it. */
public enum ConsentScope {
    VIEW("view", "see the budget, plan and purchases"),
    PROPOSE("propose", "see everything, shortlist services, ask for quotes, draft plan changes and propose purchases"),
    PURCHASE("purchase", "do everything, including buying services from the budget");

    private final String label;
    private final String allows;

    ConsentScope(String label, String allows) {
        this.label = label;
        this.allows = allows;
    }

    public String label() {
        return label;
    }

    /** In plain words, what someone with this scope may do. */
    public String allows() {
        return allows;
    }

    public boolean includes(ConsentScope other) {
        return compareTo(other) >= 0;
    }
}
