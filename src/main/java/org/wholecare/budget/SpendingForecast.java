package org.wholecare.budget;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * How long the budget will last at the rate it has been used so far, counting money already set
 * aside for booked services as used.
 *
 * @param daysElapsed      days of the period so far (at least 1 once it has started)
 * @param daysInPeriod     days in the whole period
 * @param usedPence        spent plus committed so far
 * @param weeklyRatePence  average use per week so far
 * @param runsOutOn        the day the money runs out at this rate, or null if it lasts the period
 * @param projectedUnspentPence what will be left at the end at this rate (0 if it runs out)
 * @param surplusThresholdPence unspent money above this is at risk of being taken back
 * @param overSurplusThreshold  whether the projection passes that threshold
 * @param surplusThresholdWeeks how many weeks of planned spending that threshold is
 */
public record SpendingForecast(long daysElapsed, long daysInPeriod, long allocatedPence, long usedPence,
        long weeklyRatePence, @Nullable LocalDate runsOutOn, long projectedUnspentPence, long surplusThresholdPence,
        boolean overSurplusThreshold, boolean started, int surplusThresholdWeeks) {

    /** Days before a rate of spending is judged: too early, and one booking looks like a flood. */
    public static final int FIRST_FORTNIGHT = 14;

    public static SpendingForecast of(LocalDate start, LocalDate end, LocalDate today, long allocatedPence,
            long usedPence, int surplusThresholdWeeks) {
        long daysInPeriod = ChronoUnit.DAYS.between(start, end) + 1;
        long plannedWeekly = allocatedPence * 7 / daysInPeriod;
        long threshold = plannedWeekly * surplusThresholdWeeks;
        if (today.isBefore(start)) {
            return new SpendingForecast(0, daysInPeriod, allocatedPence, usedPence, 0, null,
                    allocatedPence - usedPence, threshold, false, false, surplusThresholdWeeks);
        }
        long elapsed = Math.min(ChronoUnit.DAYS.between(start, today) + 1, daysInPeriod);
        long weekly = usedPence * 7 / elapsed;
        // projected use over the whole period at the rate so far, in whole pence
        long projectedUse = usedPence == 0 ? 0 : Math.multiplyExact(usedPence, daysInPeriod) / elapsed;
        LocalDate runsOutOn = null;
        long unspent;
        if (projectedUse > allocatedPence) {
            long daysCovered = Math.multiplyExact(allocatedPence, elapsed) / usedPence;
            runsOutOn = start.plusDays(Math.max(daysCovered - 1, 0));
            unspent = 0;
        } else {
            unspent = allocatedPence - projectedUse;
        }
        // too early to judge a rate in the first fortnight: don't alarm people on day one
        boolean over = elapsed >= FIRST_FORTNIGHT && unspent > threshold;
        return new SpendingForecast(elapsed, daysInPeriod, allocatedPence, usedPence, weekly, runsOutOn, unspent,
                threshold, over, true, surplusThresholdWeeks);
    }
}
