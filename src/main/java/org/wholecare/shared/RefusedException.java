package org.wholecare.shared;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal whose message is written for the person refused (why, and what to do next), unlike a
 * bare method-security denial. {@code endsActing} says their consent to act for someone is over.
 */
public class RefusedException extends AccessDeniedException {

    public static final String NO_ACCESS_TO_RECORDS = "You do not have access to this person's records.";

    private final boolean endsActing;

    public RefusedException(String message, boolean endsActing) {
        super(message);
        this.endsActing = endsActing;
    }

    /**
     * The refusal for a holder's record someone may not see, word for word the one for a record that
     * does not exist, so an answer never tells which holder or budget numbers exist.
     */
    public static RefusedException noAccessToRecords() {
        return new RefusedException(NO_ACCESS_TO_RECORDS, true);
    }

    public boolean endsActing() {
        return endsActing;
    }
}
