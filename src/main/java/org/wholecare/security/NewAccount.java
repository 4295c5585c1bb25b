package org.wholecare.security;

import org.jspecify.annotations.Nullable;

/** What an administrator (or the demo loader) enters to create an account. */
public record NewAccount(@Nullable String fullName, @Nullable String username, @Nullable Role role,
        @Nullable Long organisationId, @Nullable Long areaId, @Nullable String postcodeDistrict) {
}
