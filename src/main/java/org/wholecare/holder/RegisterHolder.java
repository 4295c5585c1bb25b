package org.wholecare.holder;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a commissioner enters to register a budget holder (and, optionally, their representative). */
public record RegisterHolder(@Nullable String fullName, @Nullable String username, @Nullable LocalDate dateOfBirth,
        @Nullable String nhsNumber, @Nullable String postcodeDistrict, @Nullable String representativeName,
        @Nullable String representativeUsername, @Nullable String representativeRelationship) {

    public boolean hasRepresentative() {
        return representativeName != null && !representativeName.isBlank();
    }
}
