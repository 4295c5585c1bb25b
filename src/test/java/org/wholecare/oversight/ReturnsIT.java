package org.wholecare.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.COUNCIL;
import static org.wholecare.TestArea.HOLDER;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.TestArea;
import org.wholecare.budget.ContinuingHealthcare;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/** Each funder's quarterly return against the budgets and ledger lines counted here in SQL. */
@IntegrationTest
class ReturnsIT {

    @Autowired Returns returns;
    @Autowired ContinuingHealthcare continuingHealthcare;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private ReportingPeriod thisQuarter() {
        LocalDate today = UkTime.today(clock);
        ReportingPeriod year = ReportingPeriod.yearOf(today);
        int q = (int) (java.time.temporal.ChronoUnit.MONTHS.between(year.from(), today.withDayOfMonth(1)) / 3) + 1;
        return ReportingPeriod.quarter(year.from().getYear(), q);
    }

    /** Budgets of Testford running in the quarter with money from the stream, by how they are managed. */
    private Map<String, Long> counted(ReportingPeriod quarter, String stream) {
        return jdbc.queryForList("""
                SELECT b.management FROM budget b WHERE b.area_id = ? AND b.start_date <= ? AND b.end_date >= ?
                AND (SELECT -COALESCE(SUM(l.amount_pence), 0) FROM ledger_line l WHERE l.budget_id = b.id
                  AND l.stream = ? AND l.account = 'FUNDING') > 0""", String.class, TestArea.areaId(actingAs),
                Date.valueOf(quarter.to()), Date.valueOf(quarter.from()), stream)
                .stream().collect(Collectors.groupingBy(m -> m, Collectors.counting()));
    }

    private static String value(Returns.Return r, String measure) {
        return r.rows().stream().filter(row -> row.measure().equals(measure)).findFirst().orElseThrow().value();
    }

    @Test
    void theNhsReturnCountsPersonalHealthBudgetsByDeliveryModelAsTheLedgerHasThem() {
        ReportingPeriod quarter = thisQuarter();
        Returns.Return nhs = actingAs.run(COMMISSIONER, () -> returns.forMyFunder(quarter.code()));
        Map<String, Long> counted = counted(quarter, "NHS_HEALTH");
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isPositive();
        assertThat(value(nhs, "People with a personal health budget")).isEqualTo(Long.toString(total));
        assertThat(value(nhs, "Delivered as: Direct payment")).isEqualTo(Long.toString(
                counted.getOrDefault("DIRECT_PAYMENT", 0L)));
        assertThat(value(nhs, "Delivered as: Notional budget")).isEqualTo(Long.toString(
                counted.getOrDefault("NOTIONAL", 0L)));
        assertThat(Long.parseLong(value(nhs, "Adults (18 and over)")) + Long.parseLong(value(nhs,
                "Children (under 18)"))).isEqualTo(total);
        assertThat(nhs.csv()).startsWith("measure,value,how_counted,quarter\r\n")
                .contains("People with a personal health budget," + total + ",\"People whose budget ran on at least "
                        + "one day of " + quarter.label() + " with money from NHS health in it, as at the quarter's "
                        + "end.\"," + quarter.code() + "\r\n");
    }

    @Test
    void theNhsReturnCountsThePeopleAnNhsCommissionerRecordedAsInContinuingHealthcare() {
        ReportingPeriod quarter = thisQuarter();
        long budgetId = jdbc.queryForObject("SELECT MAX(b.id) FROM budget b JOIN budget_holder h ON h.id = b.holder_id "
                + "JOIN user_account u ON u.id = h.account_id WHERE u.username = ?", Long.class, HOLDER);
        // the council sees it but does not decide it; nor does anyone of another area
        assertThatThrownBy(() -> actingAs.run(COUNCIL, () -> {
            continuingHealthcare.record(budgetId, true);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(COUNCIL, () -> continuingHealthcare.isEligible(budgetId))).isFalse();
        try {
            actingAs.run(COMMISSIONER, () -> {
                continuingHealthcare.record(budgetId, true);
                return null;
            });
            assertThat(actingAs.run(COUNCIL, () -> continuingHealthcare.isEligible(budgetId))).isTrue();
            long counted = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM budget b WHERE b.area_id = ? AND b.start_date <= ? AND b.end_date >= ?
                    AND b.continuing_healthcare = TRUE AND (SELECT -COALESCE(SUM(l.amount_pence), 0) FROM ledger_line l
                      WHERE l.budget_id = b.id AND l.stream = 'NHS_HEALTH' AND l.account = 'FUNDING') > 0""",
                    Long.class, TestArea.areaId(actingAs), Date.valueOf(quarter.to()), Date.valueOf(quarter.from()));
            assertThat(counted).isPositive();
            Returns.Return nhs = actingAs.run(COMMISSIONER, () -> returns.forMyFunder(quarter.code()));
            assertThat(value(nhs, "In NHS continuing healthcare")).isEqualTo(Long.toString(counted));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = (SELECT holder_id "
                    + "FROM budget WHERE id = ?) AND action = 'Recorded eligibility for NHS continuing healthcare'",
                    Long.class, budgetId)).isPositive();
        } finally {
            actingAs.run(COMMISSIONER, () -> {
                continuingHealthcare.record(budgetId, false);
                return null;
            });
        }
    }

    @Test
    void theCouncilReturnGivesTheShareTakingADirectPayment() {
        ReportingPeriod quarter = thisQuarter();
        Returns.Return council = actingAs.run(COUNCIL, () -> returns.forMyFunder(quarter.code()));
        Map<String, Long> counted = counted(quarter, "COUNCIL_SOCIAL_CARE");
        long total = counted.values().stream().mapToLong(Long::longValue).sum();
        long direct = counted.getOrDefault("DIRECT_PAYMENT", 0L);
        assertThat(value(council, "People on long-term support")).isEqualTo(Long.toString(total));
        assertThat(value(council, "Of them, taking a direct payment")).isEqualTo(Long.toString(direct));
        assertThat(value(council, "Share taking a direct payment")).isEqualTo(
                Math.round(direct * 1000.0 / total) / 10.0 + "%");
    }

    @Test
    void aYearAFutureQuarterOrNonsenseIsRefusedAtTheQuarterFieldAndOnlyCommissionersGetOne() {
        ReportingPeriod next = ReportingPeriod.quarter(ReportingPeriod.yearOf(UkTime.today(clock)).from().getYear() + 1,
                1);
        Map<String, String> expected = Map.of("FY2026", "Returns are for a quarter", "nonsense", "Choose a quarter",
                next.code(), "has not started yet");
        expected.forEach((code, message) -> assertThatThrownBy(() -> actingAs.run(COMMISSIONER,
                () -> returns.forMyFunder(code))).as(code).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("quarter").extractingByKey("quarter")
                                .asString().contains(message)));
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> returns.forMyFunder(thisQuarter().code())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
