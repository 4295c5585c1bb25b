package org.wholecare.notification;

/** Which of Wholecare's emails a person wants. */
public enum EmailChoice {
    ALL("All emails"),
    ANSWERS("Only emails about something I need to answer or do"),
    NONE("No emails");

    private final String label;

    EmailChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an email of this kind goes to someone who chose this. */
    public boolean wants(boolean needsAnAnswer) {
        return this == ALL || (this == ANSWERS && needsAnAnswer);
    }
}
