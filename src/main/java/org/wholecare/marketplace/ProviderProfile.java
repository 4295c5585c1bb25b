package org.wholecare.marketplace;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A provider organisation as the marketplace knows it: contact, registration, districts served and status. */
public record ProviderProfile(long organisationId, String name, long areaId, String contactName, String contactEmail,
        @Nullable String contactPhone, @Nullable String cqcNumber, ProviderStatus status, @Nullable String statusReason,
        Instant registeredAt,
        List<String> districts) {
}
