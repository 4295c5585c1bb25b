package org.wholecare.marketplace;

import java.time.Instant;
import java.util.List;

/** A provider organisation as the marketplace knows it: contact, registration, districts served and status. */
public record ProviderProfile(long organisationId, String name, long areaId, String contactName, String contactEmail,
        String contactPhone, String cqcNumber, ProviderStatus status, String statusReason, Instant registeredAt,
        List<String> districts) {
}
