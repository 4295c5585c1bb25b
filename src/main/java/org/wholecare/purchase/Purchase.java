package org.wholecare.purchase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A booking as everyone involved sees it, with what was delivered and invoiced so far. */
public record Purchase(long id, long holderId, long budgetId, String holderName, long listingId, long providerId, String providerName,
        String title, String unit, long unitPricePence, int quantity, Booking.Frequency frequency, int occurrences,
        LocalDate startDate, LocalDate endDate, long totalPence, @Nullable String planLine, Status status,
        Instant createdAt, @Nullable String declineReason, int unitsBooked, int unitsDelivered, int unitsInvoiced,
        long spentPence, long releasedPence, List<Invoice> invoices) {

    /**
     * Where a booking stands, and the only moves it can make: the provider accepts or declines a
     * request; what is not delivered can be cancelled; an accepted booking completes when every unit
     * is invoiced and settled. Declined, cancelled and completed are the end.
     */
    public enum Status {
        REQUESTED, ACCEPTED, DECLINED, CANCELLED, COMPLETED;

        public boolean canMoveTo(Status next) {
            return switch (this) {
                case REQUESTED -> next == ACCEPTED || next == DECLINED || next == CANCELLED;
                case ACCEPTED -> next == CANCELLED || next == COMPLETED;
                case DECLINED, CANCELLED, COMPLETED -> false;
            };
        }
    }

    /** The day of each visit or delivery booked: the start, then every week or month after it. */
    public LocalDate visitOn(int index) {
        return switch (frequency) {
            case ONE_OFF -> startDate;
            case WEEKLY -> startDate.plusWeeks(index);
            case MONTHLY -> startDate.plusMonths(index);
        };
    }

    /** How many units were due by the end of that day: each visit's units once its day has come. */
    public int unitsDueBy(LocalDate day) {
        int visits = 0;
        while (visits < occurrences && !visitOn(visits).isAfter(day)) {
            visits++;
        }
        return visits * quantity;
    }

    /** Still set aside: booked, not yet spent or given back. */
    public long committedPence() {
        return totalPence - spentPence - releasedPence;
    }
}
