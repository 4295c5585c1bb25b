package org.wholecare.security;

import org.jspecify.annotations.Nullable;

/** Whether an invitation link can still be used, and for whom. */
public record InvitationCheck(boolean usable, @Nullable String fullName, @Nullable String username,
        @Nullable String problem) {

    static InvitationCheck usable(String fullName, String username) {
        return new InvitationCheck(true, fullName, username, null);
    }

    static InvitationCheck unusable(String problem) {
        return new InvitationCheck(false, null, null, problem);
    }
}
