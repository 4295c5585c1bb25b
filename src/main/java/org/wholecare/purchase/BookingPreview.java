package org.wholecare.purchase;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wholecare.ledger.StreamAmount;

/**
 * What a booking would cost and how it would be paid for, before anything is saved.
 *
 * @param splitNotes what the person should know about the split (a stream with no money in the
 *                   budget whose share others pay, the private top-up paying a part)
 * @param problems   what stops it being booked
 */
public record BookingPreview(String title, String providerName, long unitPricePence, String unit, int quantity,
        int occurrences, @Nullable LocalDate endDate, long totalPence, List<StreamAmount> split,
        List<String> splitNotes, List<String> problems) {

    public boolean canBook() {
        return problems.isEmpty();
    }

    /** Whether the person would pay what they were shown: the same price, amount, end date and split. */
    public boolean sameCostAs(@Nullable BookingPreview shown) {
        return shown != null && unitPricePence == shown.unitPricePence && quantity == shown.quantity
                && occurrences == shown.occurrences && java.util.Objects.equals(endDate, shown.endDate)
                && totalPence == shown.totalPence && java.util.Objects.equals(split, shown.split);
    }
}
