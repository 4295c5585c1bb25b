package org.wholecare.security;

import java.util.Optional;

/**
 * Delivers an invitation link to the person themself, when it can (by email, say). When there is
 * no sender, or it cannot reach the person, the link is shown on screen for the person who asked
 * for it to pass on by hand.
 */
public interface InvitationSender {

    /** @return a plain-English sentence saying how the link went, or empty if it could not go */
    Optional<String> send(InvitationLink invitation);
}
