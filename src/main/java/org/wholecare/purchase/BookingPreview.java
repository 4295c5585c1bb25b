package org.wholecare.purchase;

import java.time.LocalDate;
import java.util.List;
import org.wholecare.ledger.StreamAmount;

/** What a booking would cost and how it would be paid for, before anything is saved. */
public record BookingPreview(String title, String providerName, long unitPricePence, String unit, int quantity,
        int occurrences, LocalDate endDate, long totalPence, List<StreamAmount> split, List<String> problems) {

    public boolean canBook() {
        return problems.isEmpty();
    }
}
