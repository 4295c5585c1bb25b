package org.wholecare.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpendingForecastTest {

    private static final LocalDate START = LocalDate.of(2026, 4, 1);
    private static final LocalDate END = LocalDate.of(2027, 3, 31); // 365 days

    @Test
    void spendingFasterThanPlannedRunsOutBeforeTheEnd() {
        // £3,650 for 365 days is £10 a day; £20 a day used over the first 100 days
        var forecast = SpendingForecast.of(START, END, START.plusDays(99), 365_000, 200_000, 8);
        assertThat(forecast.runsOutOn()).isEqualTo(START.plusDays(181)); // 182 days covered
        assertThat(forecast.projectedUnspentPence()).isZero();
        assertThat(forecast.weeklyRatePence()).isEqualTo(14_000);
        assertThat(forecast.overSurplusThreshold()).isFalse();
    }

    @Test
    void spendingSlowerThanPlannedLeavesMoneyAndWarnsPastTheThreshold() {
        // £5 a day used against £10 a day planned: half is left; 8 weeks of £70 planned is £560
        var forecast = SpendingForecast.of(START, END, START.plusDays(99), 365_000, 50_000, 8);
        assertThat(forecast.runsOutOn()).isNull();
        assertThat(forecast.projectedUnspentPence()).isEqualTo(365_000 - 182_500);
        assertThat(forecast.surplusThresholdPence()).isEqualTo(56_000);
        assertThat(forecast.overSurplusThreshold()).isTrue();
    }

    @Test
    void spendingOnPlanLeavesLittleAndDoesNotWarn() {
        var forecast = SpendingForecast.of(START, END, START.plusDays(99), 365_000, 100_000, 8);
        assertThat(forecast.runsOutOn()).isNull();
        assertThat(forecast.projectedUnspentPence()).isEqualTo(0);
        assertThat(forecast.overSurplusThreshold()).isFalse();
    }

    @Test
    void nothingUsedYetProjectsEverythingUnspent() {
        var forecast = SpendingForecast.of(START, END, START.plusDays(30), 365_000, 0, 8);
        assertThat(forecast.projectedUnspentPence()).isEqualTo(365_000);
        assertThat(forecast.weeklyRatePence()).isZero();
        assertThat(forecast.overSurplusThreshold()).isTrue();
    }

    @Test
    void theFirstFortnightNeverWarns() {
        assertThat(SpendingForecast.of(START, END, START.plusDays(3), 365_000, 0, 8).overSurplusThreshold()).isFalse();
    }

    @Test
    void beforeThePeriodStartsThereIsNoRate() {
        var forecast = SpendingForecast.of(START, END, START.minusDays(5), 365_000, 20_000, 8);
        assertThat(forecast.started()).isFalse();
        assertThat(forecast.projectedUnspentPence()).isEqualTo(345_000);
    }
}
