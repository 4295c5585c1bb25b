package org.wholecare.oversight;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * A time figures are given for: a financial year (April to March, as councils and the NHS
 * account), one of its quarters, or a month. Its code ("FY2026", "FY2026-Q3", "2026-11") is what
 * an address carries; its label is what people read.
 */
public record ReportingPeriod(String code, String label, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("FY(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("FY(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public static ReportingPeriod financialYear(int startYear) {
        return new ReportingPeriod("FY" + startYear, "April " + startYear + " to March " + (startYear + 1),
                LocalDate.of(startYear, Month.APRIL, 1), LocalDate.of(startYear + 1, Month.MARCH, 31));
    }

    /** Quarter 1 is April to June. */
    public static ReportingPeriod quarter(int startYear, int quarter) {
        YearMonth first = YearMonth.of(startYear, Month.APRIL).plusMonths(3L * (quarter - 1));
        YearMonth last = first.plusMonths(2);
        return new ReportingPeriod("FY" + startYear + "-Q" + quarter, UkTime.monthName(first) + " to "
                + UkTime.month(last), first.atDay(1), last.atEndOfMonth());
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(month.toString(), UkTime.month(month), month.atDay(1), month.atEndOfMonth());
    }

    /** The financial year that {@code day} falls in. */
    public static ReportingPeriod yearOf(LocalDate day) {
        return financialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    /** The period an address names, or a message at "period" saying how to write one. */
    public static ReportingPeriod parse(@Nullable String code) {
        String text = code == null ? "" : code.strip().toUpperCase(java.util.Locale.UK);
        try {
            Matcher m;
            if ((m = QUARTER.matcher(text)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(text)).matches()) {
                return financialYear(Integer.parseInt(m.group(1)));
            }
            if ((m = MONTH.matcher(text)).matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        } catch (java.time.DateTimeException e) {
            // a month 13, say: the same message as any other
        }
        throw ValidationException.of("period", "That is not a period Wholecare knows. Choose one from the list: a "
                + "year (FY2026), a quarter (FY2026-Q3) or a month (2026-11).");
    }

    /** Whether the period has ended by {@code today}. */
    public boolean endedBy(LocalDate today) {
        return to.isBefore(today);
    }

    /**
     * Every year, quarter and month from the one holding {@code first} to the one holding
     * {@code today}, newest first within each kind: what a person may choose.
     */
    public static List<ReportingPeriod> choices(LocalDate first, LocalDate today) {
        List<ReportingPeriod> years = new ArrayList<>();
        List<ReportingPeriod> quarters = new ArrayList<>();
        List<ReportingPeriod> months = new ArrayList<>();
        for (int y = yearOf(today).from().getYear(); y >= yearOf(first).from().getYear(); y--) {
            years.add(financialYear(y));
            for (int q = 4; q >= 1; q--) {
                ReportingPeriod quarter = quarter(y, q);
                if (!quarter.from().isAfter(today) && !quarter.to().isBefore(first)) {
                    quarters.add(quarter);
                }
            }
        }
        for (YearMonth m = YearMonth.from(today); !m.isBefore(YearMonth.from(first)); m = m.minusMonths(1)) {
            months.add(month(m));
        }
        List<ReportingPeriod> all = new ArrayList<>(years);
        all.addAll(quarters);
        all.addAll(months);
        return all;
    }
}
