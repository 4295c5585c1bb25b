package org.wholecare.holder;

import java.time.LocalDate;

/** What a commissioner enters to register a budget holder (and, optionally, their representative). */
public record RegisterHolder(String fullName, String username, LocalDate dateOfBirth, String nhsNumber,
        String postcodeDistrict, String representativeName, String representativeUsername,
        String representativeRelationship) {

    public boolean hasRepresentative() {
        return representativeName != null && !representativeName.isBlank();
    }
}
