package org.wholecare.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What someone asks to buy. {@code quantity} is as typed, so a fraction can be refused with a
 * message rather than silently rounded; {@code occurrences} is how many weeks or months a repeating
 * booking runs (1 for a one-off); {@code requestKey} makes a double submit book once.
 */
public record Booking(long holderId, Long listingId, BigDecimal quantity, Frequency frequency, int occurrences,
        LocalDate startDate, String planLine, String requestKey, Long proposalId) {

    public Booking(long holderId, Long listingId, int quantity, Frequency frequency, int occurrences,
            LocalDate startDate, String planLine, String requestKey, Long proposalId) {
        this(holderId, listingId, BigDecimal.valueOf(quantity), frequency, occurrences, startDate, planLine,
                requestKey, proposalId);
    }

    public enum Frequency {
        ONE_OFF("once"), WEEKLY("a week"), MONTHLY("a month");

        private final String label;

        Frequency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
