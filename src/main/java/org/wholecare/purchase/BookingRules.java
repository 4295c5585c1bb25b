package org.wholecare.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.pooling.Apportioned;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * What a booking must be before money is set aside for it, and what it would cost: whole units
 * within sensible limits, a start not in the past, inside the budget's period, a kind of support
 * budgets may buy, and money enough in every stream that pays. Everything it needs is handed in,
 * so the rules read (and are tested) on their own, with no database and no clock.
 */
final class BookingRules {

    static final int MAX_OCCURRENCES = 104;

    private BookingRules() {
    }

    /** The most of a unit one visit or delivery can sensibly be: more is a typing slip. */
    static int maxUnitsPerTime(ListingUnit unit) {
        return switch (unit) {
            case HOUR -> 24;
            case DAY -> 31;
            case SESSION -> 50;
            case ITEM -> 500;
        };
    }

    /**
     * @param listing    the service, or null if it cannot be found or seen
     * @param unitPrice  the price per unit the booking is at (a quote's, if it comes from one)
     * @param planLines  the parts of the person's agreed support plan (empty without one)
     * @param budget     the budget to book from, or null if there is none
     * @param category   the listing's kind of support in the budget's area, or null if unknown there
     * @param apportion  how the area's pooling agreement splits a total across this budget's streams,
     *                   with what stops it being paid (a stream without enough left)
     */
    record Facts(Booking booking, @Nullable Listing listing, @Nullable Long unitPrice, Set<String> planLines,
            @Nullable BudgetSummary budget, @Nullable ServiceCategory category, LocalDate today,
            LongFunction<Apportioned> apportion) {
    }

    /**
     * @param errors      every problem, keyed by field ("" for the booking as a whole)
     * @param fieldErrors only the problems with what was typed
     */
    record Checked(BookingPreview preview, Map<String, String> errors, Map<String, String> fieldErrors,
            @Nullable Listing listing, @Nullable BudgetSummary budget, int quantity, int occurrences) {
    }

    static Checked check(Facts facts) {
        Booking booking = facts.booking();
        var errors = new ValidationException.Collector();
        List<String> problems = new ArrayList<>();
        Listing listing = facts.listing() != null && facts.listing().visible() ? facts.listing() : null;
        long unitPrice = listing == null || facts.unitPrice() == null ? 0 : facts.unitPrice();
        if (booking.listingId() == null) {
            errors.add("listing", "Choose the service to book.");
        } else if (listing == null) {
            errors.add("listing", "This service cannot be booked at the moment: the provider has paused it, "
                    + "or is not verified.");
        }
        int quantity = quantity(booking.quantity(), listing, errors);
        if (booking.frequency() == null) {
            errors.add("frequency", "Choose once, every week or every month.");
        }
        int occurrences = booking.frequency() == Booking.Frequency.ONE_OFF ? 1 : booking.occurrences();
        if (booking.frequency() != null && booking.frequency() != Booking.Frequency.ONE_OFF
                && (occurrences < 1 || occurrences > MAX_OCCURRENCES)) {
            errors.add("occurrences", "Enter for how many " + (booking.frequency() == Booking.Frequency.WEEKLY
                    ? "weeks" : "months") + ", from 1 to " + MAX_OCCURRENCES + ".");
        }
        if (booking.startDate() == null) {
            errors.add("startDate", "Choose the day it starts.");
        } else if (booking.startDate().isBefore(facts.today())) {
            errors.add("startDate", "The start cannot be in the past.");
        } else if (listing != null && !listing.runsOn(booking.startDate())) {
            errors.add("startDate", listing.notRunningOn(booking.startDate()));
        }
        if (booking.planLine() != null && !booking.planLine().isBlank()
                && !facts.planLines().contains(booking.planLine().strip())) {
            errors.add("planLine", "Choose a part of the agreed support plan, or 'Not part of the plan'.");
        }
        BudgetSummary budget = facts.budget();
        if (budget == null) {
            errors.add("", "There is no budget to book from yet.");
        }
        Cost cost = errors.isEmpty() ? cost(facts, listing, budget, unitPrice, quantity, occurrences, errors, problems)
                : new Cost(null, 0, List.of(), List.of());
        LocalDate end = cost.end();
        long total = cost.total();
        List<StreamAmount> split = cost.split();
        Map<String, String> all = new LinkedHashMap<>(errors.fieldErrors());
        problems.forEach(problem -> all.merge("", problem, (a, b) -> a + " " + b));
        problems.addAll(0, errors.fieldErrors().values());
        BookingPreview preview = new BookingPreview(listing == null ? "" : listing.title(),
                listing == null ? "" : listing.providerName(), unitPrice,
                listing == null ? "" : listing.unit().label(), quantity, occurrences, end, total, split,
                cost.notes(), List.copyOf(problems));
        return new Checked(preview, all, new LinkedHashMap<>(errors.fieldErrors()), listing, budget, quantity,
                occurrences);
    }

    /**
     * What a booking with nothing wrong in it comes to: its last day, its cost, each stream's share
     * and what the person should know about the split.
     */
    private record Cost(@Nullable LocalDate end, long total, List<StreamAmount> split, List<String> notes) {
    }

    /**
     * The cost of a booking whose fields are all right, and anything about the money that stops it:
     * past the budget's end, a kind of support budgets cannot buy, a stream without enough left.
     */
    private static Cost cost(Facts facts, Listing listing, BudgetSummary budget, long unitPrice, int quantity,
            int occurrences, ValidationException.Collector errors, List<String> problems) {
        Booking booking = facts.booking();
        LocalDate end = switch (booking.frequency()) {
            case ONE_OFF -> booking.startDate();
            case WEEKLY -> booking.startDate().plusWeeks(occurrences - 1L);
            case MONTHLY -> booking.startDate().plusMonths(occurrences - 1L);
        };
        if (end.isAfter(budget.endDate())) {
            errors.add("occurrences", "That runs past the end of the budget on " + UkTime.day(budget.endDate()) + ".");
        }
        long total = Math.multiplyExact(Math.multiplyExact(unitPrice, quantity), occurrences);
        List<StreamAmount> split = List.of();
        List<String> notes = List.of();
        ServiceCategory category = facts.category();
        if (category == null || category.excluded()) {
            problems.add("Budgets cannot pay for " + listing.categoryName().toLowerCase(Locale.UK) + ".");
        } else {
            Apportioned apportioned = facts.apportion().apply(total);
            split = apportioned.parts();
            notes = apportioned.explanations();
            problems.addAll(apportioned.problems());
        }
        return new Cost(end, total, split, notes);
    }

    /** Whole units, at least one, no more than the unit's limit: a fraction gets a message, never a rounding. */
    private static int quantity(@Nullable BigDecimal typed, @Nullable Listing listing,
            ValidationException.Collector errors) {
        String unitName = listing == null ? "unit" : listing.unit().label();
        if (typed == null || typed.signum() <= 0) {
            errors.add("quantity", "Enter how many " + unitName + "s, 1 or more.");
        } else if (typed.stripTrailingZeros().scale() > 0) {
            errors.add("quantity", "Book whole " + unitName + "s, for example 1 or 2. For a shorter visit, ask the "
                    + "provider for a price per visit.");
        } else if (listing != null && typed.compareTo(BigDecimal.valueOf(maxUnitsPerTime(listing.unit()))) > 0) {
            errors.add("quantity", "That is more than " + maxUnitsPerTime(listing.unit()) + " " + unitName
                    + "s at a time. Check the number.");
        } else if (typed.compareTo(BigDecimal.valueOf(maxUnitsPerTime(ListingUnit.ITEM))) > 0) {
            errors.add("quantity", "That is more than " + maxUnitsPerTime(ListingUnit.ITEM) + " at a time. "
                    + "Check the number.");
        } else {
            return typed.intValueExact();
        }
        return 0;
    }
}
