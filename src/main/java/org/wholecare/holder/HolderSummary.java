package org.wholecare.holder;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A registered budget holder, as commissioners and the holder's own pages see them. */
public record HolderSummary(long id, long accountId, String fullName, String username, LocalDate dateOfBirth,
        String nhsNumber, String postcodeDistrict, long areaId, @Nullable Long representativeAccountId,
        @Nullable String representativeRelationship, @Nullable Long currentBudgetId) {

    /** What the person is called to those who help them, and in emails: never the whole name. */
    public String firstName() {
        return fullName.split(" ")[0];
    }

    public String nhsNumberForDisplay() {
        return NhsNumber.display(nhsNumber);
    }
}
