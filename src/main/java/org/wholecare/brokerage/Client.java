package org.wholecare.brokerage;

import java.time.LocalDate;
import java.util.List;
import org.wholecare.consent.ConsentGrant;

/** One person on a broker's or representative's caseload, with what needs attention. */
public record Client(long holderId, String name, String postcodeDistrict, ConsentGrant grant, Long availablePence,
        LocalDate runsOutOn, LocalDate nextReview, List<String> alerts) {
}
