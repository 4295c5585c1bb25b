package org.wholecare.security;

import java.time.Instant;

/**
 * An account as administrators see it.
 *
 * @param status   plain-English state: waiting for a password, active, locked or disabled
 * @param disabled switched off by an administrator: cannot sign in
 */
public record AccountSummary(long id, String username, String fullName, Role role, Long organisationId,
        Long areaId, String postcodeDistrict, String status, Instant lastSignInAt, boolean disabled) {
}
