package org.wholecare.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What someone asks to buy. {@code quantity} is as typed, so a fraction can be refused with a
 * message rather than silently rounded; {@code occurrences} is how many weeks or months a repeating
 * booking runs (1 for a one-off); {@code requestKey} makes a double submit book once.
 */
public record Booking(long holderId, @Nullable Long listingId, @Nullable BigDecimal quantity,
        @Nullable Frequency frequency, int occurrences, @Nullable LocalDate startDate, @Nullable String planLine,
        @Nullable String requestKey, @Nullable Long proposalId) {

    public Booking(long holderId, @Nullable Long listingId, int quantity, @Nullable Frequency frequency,
            int occurrences, @Nullable LocalDate startDate, @Nullable String planLine, @Nullable String requestKey,
            @Nullable Long proposalId) {
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
