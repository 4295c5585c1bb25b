package org.wholecare.security;

/** What an administrator (or the demo loader) enters to create an account. */
public record NewAccount(String fullName, String username, Role role, Long organisationId, Long areaId,
        String postcodeDistrict) {
}
