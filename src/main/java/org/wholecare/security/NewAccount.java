package org.wholecare.security;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator (or the demo loader) enters to create an account.
 *
 * @param email where the invitation and, later, what waits for them goes; optional
 */
public record NewAccount(@Nullable String fullName, @Nullable String username, @Nullable Role role,
        @Nullable Long organisationId, @Nullable Long areaId, @Nullable String postcodeDistrict,
        @Nullable String email) {

    /** An account with no email address yet: its invitation is shown on screen to pass on. */
    public NewAccount(@Nullable String fullName, @Nullable String username, @Nullable Role role,
            @Nullable Long organisationId, @Nullable Long areaId, @Nullable String postcodeDistrict) {
        this(fullName, username, role, organisationId, areaId, postcodeDistrict, null);
    }
}
