package org.wholecare.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people in the UK write them ("30 April 2027", "30 April 2027 at 09:15"), in
 * the UK's zone, and today's date from the app's {@link Clock}: the one way every page and service
 * says when, so a test that moves the clock moves what every page shows.
 */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm",
            Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).withZone(ZONE);

    private UkTime() {
    }

    /** Today in the UK, by the app's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** "30 April 2027". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** The UK day of a moment: "30 April 2027". */
    public static String day(Instant at) {
        return DAY.format(at);
    }

    /** "30 April 2027 at 09:15", UK time. */
    public static String dayAndTime(Instant at) {
        return DAY_AND_TIME.format(at);
    }

    /** "April 2027". */
    public static String month(java.time.temporal.TemporalAccessor month) {
        return MONTH.format(month);
    }

    /** "April", for the first month of a range whose year is said once at its end. */
    public static String monthName(java.time.temporal.TemporalAccessor month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM", java.util.Locale.UK).format(month);
    }

    /** The first moment of a UK day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
