package org.wholecare.holder;

import java.time.LocalDate;

/** A registered budget holder, as commissioners and the holder's own pages see them. */
public record HolderSummary(long id, long accountId, String fullName, String username, LocalDate dateOfBirth,
        String nhsNumber, String postcodeDistrict, long areaId, Long representativeAccountId,
        String representativeRelationship, Long currentBudgetId) {

    public String nhsNumberForDisplay() {
        return NhsNumber.display(nhsNumber);
    }
}
