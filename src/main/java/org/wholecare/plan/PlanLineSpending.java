package org.wholecare.plan;

import java.util.Map;

/**
 * What has been booked and spent against each line of a holder's plan: "spend linked to outcomes",
 * for the person and their reviewer. The plan feature declares it; the purchase feature, which
 * knows the bookings, provides it.
 */
public interface PlanLineSpending {

    /** @param bookedPence set aside or spent for bookings made for the line (money given back not counted) */
    record Spending(long bookedPence, long spentPence) {
    }

    /** By the line's description, as the booking named it; the caller may see the holder's records. */
    Map<String, Spending> forHolder(long holderId);
}
