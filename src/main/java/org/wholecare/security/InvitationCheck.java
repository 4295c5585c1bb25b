package org.wholecare.security;

/** Whether an invitation link can still be used, and for whom. */
public record InvitationCheck(boolean usable, String fullName, String username, String problem) {

    static InvitationCheck usable(String fullName, String username) {
        return new InvitationCheck(true, fullName, username, null);
    }

    static InvitationCheck unusable(String problem) {
        return new InvitationCheck(false, null, null, problem);
    }
}
