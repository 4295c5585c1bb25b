package org.wholecare.brokerage;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wholecare.consent.ConsentGrant;

/** One person on a broker's or representative's caseload, with what needs attention. */
public record Client(long holderId, String name, String postcodeDistrict, @Nullable ConsentGrant grant,
        @Nullable Long availablePence, @Nullable LocalDate runsOutOn, @Nullable LocalDate nextReview,
        List<String> alerts) {
}
