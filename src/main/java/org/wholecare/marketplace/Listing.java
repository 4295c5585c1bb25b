package org.wholecare.marketplace;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.wholecare.shared.UkTime;

/** A provider's service with its price, where and when it is offered, and how it is rated. */
public record Listing(long id, long organisationId, String providerName, long categoryId, String categoryName,
        String title, String description, ListingUnit unit, long pricePence, ListingStatus status, boolean visible,
        List<String> days, @Nullable String times, List<String> languages, @Nullable String accessibility,
        @Nullable Double ratingAverage,
        int reviewCount, List<String> districts) {

    /** Whether the service runs on that day of the week (days are kept as "MON" to "SUN"). */
    public boolean runsOn(LocalDate day) {
        return days.contains(code(day.getDayOfWeek()));
    }

    /** The first day on or after {@code from} that the service runs (a week at most ahead). */
    public LocalDate firstDayFrom(LocalDate from) {
        for (int ahead = 0; ahead < 7; ahead++) {
            if (runsOn(from.plusDays(ahead))) {
                return from.plusDays(ahead);
            }
        }
        return from;
    }

    /** "Friday, Saturday and Sunday", or "every day". */
    public String daysInWords() {
        List<String> names = ListingService.DAYS.stream().filter(days::contains)
                .map(d -> dayOf(d).getDisplayName(TextStyle.FULL, Locale.UK)).toList();
        if (names.size() == 7) {
            return "every day";
        }
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** Which days it runs, and the next of them from {@code start}, so the person can pick one straight away. */
    public String notRunningOn(LocalDate start) {
        LocalDate next = firstDayFrom(start);
        return title + " runs on " + daysInWords() + ". Choose a start on one of those days, such as "
                + next.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " " + UkTime.day(next) + ".";
    }

    /** "MON" for Monday: the days are kept in {@link ListingService#DAYS}' order, Monday first. */
    private static String code(DayOfWeek day) {
        return ListingService.DAYS.get(day.getValue() - 1);
    }

    private static DayOfWeek dayOf(String code) {
        return DayOfWeek.of(ListingService.DAYS.indexOf(code) + 1);
    }
}
