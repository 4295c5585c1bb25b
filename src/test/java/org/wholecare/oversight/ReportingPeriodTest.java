package org.wholecare.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wholecare.shared.ValidationException;

class ReportingPeriodTest {

    @Test
    void yearsQuartersAndMonthsAreReadFromTheirCodesAndSaidAsPeopleSayThem() {
        var year = ReportingPeriod.parse("FY2026");
        assertThat(year.label()).isEqualTo("April 2026 to March 2027");
        assertThat(year.from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(year.to()).isEqualTo(LocalDate.of(2027, 3, 31));
        var q3 = ReportingPeriod.parse("fy2026-q3");
        assertThat(q3.label()).isEqualTo("October to December 2026");
        assertThat(q3.code()).isEqualTo("FY2026-Q3");
        assertThat(q3.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ReportingPeriod.parse("FY2026-Q4").label()).isEqualTo("January to March 2027");
        var month = ReportingPeriod.parse("2027-02");
        assertThat(month.label()).isEqualTo("February 2027");
        assertThat(month.to()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(ReportingPeriod.yearOf(LocalDate.of(2027, 3, 31)).code()).isEqualTo("FY2026");
        assertThat(ReportingPeriod.yearOf(LocalDate.of(2027, 4, 1)).code()).isEqualTo("FY2027");
    }

    @Test
    void aMalformedCodeGetsOneMessageAtThePeriodField() {
        for (String bad : new String[] {"2026-13", "hello", "FY26", "FY2026-Q5", "", "2026-1"}) {
            assertThatThrownBy(() -> ReportingPeriod.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsOnlyKeys("period").extractingByKey("period").asString()
                            .contains("Choose one from the list"));
        }
    }

    @Test
    void theChoicesRunFromTheFirstBudgetToNowAndNoFurther() {
        var choices = ReportingPeriod.choices(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 2));
        assertThat(choices).extracting(ReportingPeriod::code).containsExactly("FY2026", "FY2026-Q3", "FY2026-Q2",
                "FY2026-Q1", "2026-12", "2026-11", "2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05",
                "2026-04");
    }
}
