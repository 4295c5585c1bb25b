package org.wholecare.consent;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A budget holder's consent for a brokerage or a named person to act for them. */
public record ConsentGrant(long id, long holderId, String holderName, ConsentKind kind,
        @Nullable Long granteeOrganisationId, @Nullable Long granteeAccountId, String granteeName,
        @Nullable String relationship, ConsentScope scope, @Nullable LocalDate endsOn,
        @Nullable String documentReference, Instant grantedAt, @Nullable Instant revokedAt) {

    /** In force on this day: not withdrawn, and not past its last day. */
    public boolean activeOn(LocalDate day) {
        return revokedAt == null && (endsOn == null || !day.isAfter(endsOn));
    }

    public boolean endsWithin(LocalDate day, int days) {
        return endsOn != null && activeOn(day) && !endsOn.isAfter(day.plusDays(days));
    }
}
