package org.wholecare.shared;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal whose message is written for the person refused (why, and what to do next), unlike a
 * bare method-security denial. {@code endsActing} says their consent to act for someone is over.
 */
public class RefusedException extends AccessDeniedException {

    private final boolean endsActing;

    public RefusedException(String message, boolean endsActing) {
        super(message);
        this.endsActing = endsActing;
    }

    public boolean endsActing() {
        return endsActing;
    }
}
