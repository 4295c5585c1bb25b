package org.wholecare.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account as administrators see it.
 *
 * @param status   plain-English state: waiting for a password, active, locked or disabled
 * @param disabled switched off by an administrator: cannot sign in
 */
public record AccountSummary(long id, String username, String fullName, Role role, @Nullable Long organisationId,
        @Nullable Long areaId, @Nullable String postcodeDistrict, String status, @Nullable Instant lastSignInAt,
        boolean disabled) {
}
