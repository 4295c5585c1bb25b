package org.wholecare.purchase;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wholecare.plan.PlanLineSpending;

/** Adds up the holder's bookings by the plan line each was made for, through the holder's own purchases list. */
@Component
class PlanSpendingFromBookings implements PlanLineSpending {

    private final Bookings bookings;

    PlanSpendingFromBookings(Bookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public Map<String, Spending> forHolder(long holderId) {
        Map<String, Spending> byLine = new HashMap<>();
        for (Purchase p : bookings.purchasesOf(holderId)) {
            if (p.planLine() == null || p.planLine().isBlank()) {
                continue;
            }
            byLine.merge(p.planLine().strip(), new Spending(p.totalPence() - p.releasedPence(), p.spentPence()),
                    (a, b) -> new Spending(a.bookedPence() + b.bookedPence(), a.spentPence() + b.spentPence()));
        }
        return byLine;
    }
}
