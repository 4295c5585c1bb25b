package org.wholecare.security;

import java.time.Instant;

/** A freshly issued invitation: the only time the link itself exists outside the person's hands. */
public record InvitationLink(long accountId, String fullName, String username, String url, Instant expiresAt) {
}
