package org.wholecare.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a person's support plan: the outcomes they want, in their own words, and the
 * support that meets them with its planned cost.
 */
public record SupportPlan(long id, long holderId, int version, Status status, List<String> outcomes,
        List<Line> lines, LocalDate reviewDate, String draftedByName, Instant draftedAt, @Nullable String agreedByName,
        @Nullable Instant agreedAt) {

    public enum Status { DRAFT, AGREED }

    public enum Frequency {
        WEEK("a week", 52), MONTH("a month", 12);

        private final String label;
        private final int perYear;

        Frequency(String label, int perYear) {
            this.label = label;
            this.perYear = perYear;
        }

        public String label() {
            return label;
        }

        public int perYear() {
            return perYear;
        }
    }

    /** @param outcome the number (from 1) of the outcome this support serves */
    public record Line(long categoryId, String categoryName, String description, long plannedPence,
            Frequency frequency, int outcome) {

        public long perYearPence() {
            return plannedPence * frequency.perYear();
        }
    }

    public long perYearPence() {
        return lines.stream().mapToLong(Line::perYearPence).sum();
    }
}
