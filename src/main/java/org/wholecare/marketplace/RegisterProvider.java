package org.wholecare.marketplace;

import org.jspecify.annotations.Nullable;

/**
 * What a provider enters on the public registration page. {@code username} is null there: one is
 * made for them; only the platform itself (loading the demo) names one.
 */
public record RegisterProvider(@Nullable String organisationName, @Nullable Long areaId,
        @Nullable String postcodeDistricts, @Nullable String cqcNumber, @Nullable String contactName,
        @Nullable String contactEmail, @Nullable String contactPhone, @Nullable String username,
        @Nullable String password, @Nullable String confirmation) {
}
