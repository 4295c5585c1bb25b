package org.wholecare.marketplace;

/**
 * What a provider enters on the public registration page. {@code username} is null there: one is
 * made for them; only the platform itself (loading the demo) names one.
 */
public record RegisterProvider(String organisationName, Long areaId, String postcodeDistricts, String cqcNumber,
        String contactName, String contactEmail, String contactPhone, String username, String password,
        String confirmation) {
}
