package org.wholecare.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.StreamBalance;
import org.wholecare.pooling.Apportioned;
import org.wholecare.pooling.internal.BudgetShares;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.pooling.ServiceCategory;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingStatus;
import org.wholecare.marketplace.ListingUnit;

/** The booking rules on their own: no database, no clock, every figure handed in. */
class BookingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Listing MORNING_HELP = new Listing(7, 3, "Riverside Home Care", 11, "Personal care",
            "Morning help at home", "Help getting up", ListingUnit.HOUR, 2_450, ListingStatus.PUBLISHED, true,
            List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), null, List.of("English"), null, null, 0,
            List.of("NB4"));
    private static final Listing EVENING_CARE = new Listing(8, 3, "Riverside Home Care", 11, "Personal care",
            "Evening and weekend care", "Help at bedtime", ListingUnit.HOUR, 2_700, ListingStatus.PUBLISHED, true,
            List.of("FRI", "SAT", "SUN"), null, List.of("English"), null, null, 0, List.of("NB4"));
    private static final BudgetSummary BUDGET = new BudgetSummary(5, 9, 1, LocalDate.of(2026, 4, 1),
            LocalDate.of(2027, 3, 31), BudgetManagement.DIRECT_PAYMENT, null, Map.of());
    private static final ServiceCategory PERSONAL_CARE = new ServiceCategory(11, 1, "Personal care", false, null);
    // 60% council, 40% NHS, as Northbrook's agreement has it
    private static final Map<FundingStream, Integer> SHARES = Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 6_000,
            FundingStream.NHS_HEALTH, 4_000);

    private static BookingRules.Checked check(Booking booking, Map<FundingStream, Long> available,
            ServiceCategory category) {
        return check(MORNING_HELP, booking, available, category);
    }

    private static BookingRules.Checked check(Listing listing, Booking booking, Map<FundingStream, Long> available,
            ServiceCategory category) {
        return BookingRules.check(new BookingRules.Facts(booking, listing, listing.pricePence(),
                Set.of("Help getting up and dressed"), BUDGET, category, TODAY,
                total -> {
                    var split = BudgetShares.of(total, SHARES, balance(available));
                    return new Apportioned(category.id(), 1, split.parts(), split.notes());
                }));
    }

    /** A budget whose streams each have what is given still to use, and were allocated that much. */
    static BudgetBalance balance(Map<FundingStream, Long> available) {
        return new BudgetBalance(5, available.entrySet().stream()
                .map(e -> new StreamBalance(e.getKey(), e.getValue(), 0, 0, e.getValue())).toList());
    }

    private static Booking hours(String quantity, Booking.Frequency frequency, int occurrences, LocalDate start) {
        return new Booking(9, 7L, new BigDecimal(quantity), frequency, occurrences, start, null, "key", null);
    }

    private static final Map<FundingStream, Long> PLENTY = Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 1_000_000L,
            FundingStream.NHS_HEALTH, 1_000_000L);

    @Test
    void aGoodBookingIsCostedAndSplitByTheAgreement() {
        var checked = check(hours("2", Booking.Frequency.WEEKLY, 3, TODAY), PLENTY, PERSONAL_CARE);
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.preview().totalPence()).isEqualTo(2 * 2_450 * 3);
        assertThat(checked.preview().endDate()).isEqualTo(TODAY.plusWeeks(2));
        assertThat(checked.preview().split()).extracting(s -> s.stream() + " " + s.pence())
                .containsExactlyInAnyOrder("COUNCIL_SOCIAL_CARE 8820", "NHS_HEALTH 5880");
    }

    @Test
    void typingSlipsAreSaidAtTheirFields() {
        assertThat(check(hours("1.5", Booking.Frequency.ONE_OFF, 1, TODAY), PLENTY, PERSONAL_CARE).fieldErrors()
                .get("quantity")).contains("whole hours");
        assertThat(check(hours("25", Booking.Frequency.ONE_OFF, 1, TODAY), PLENTY, PERSONAL_CARE).fieldErrors())
                .containsKey("quantity");
        assertThat(check(hours("0", Booking.Frequency.ONE_OFF, 1, TODAY), PLENTY, PERSONAL_CARE).fieldErrors())
                .containsKey("quantity");
        assertThat(check(hours("1", Booking.Frequency.WEEKLY, 105, TODAY), PLENTY, PERSONAL_CARE).fieldErrors())
                .containsKey("occurrences");
        assertThat(check(hours("1", Booking.Frequency.ONE_OFF, 1, TODAY.minusDays(1)), PLENTY, PERSONAL_CARE)
                .fieldErrors()).containsKey("startDate");
    }

    @Test
    void theStartMustBeADayTheServiceRunsAndTheMessageSaysWhichDaysThoseAre() {
        // 1 December 2026 is a Tuesday; the evening care runs Friday to Sunday
        var tuesday = check(EVENING_CARE, hours("1", Booking.Frequency.WEEKLY, 3, TODAY), PLENTY, PERSONAL_CARE);
        assertThat(tuesday.fieldErrors()).containsOnlyKeys("startDate");
        assertThat(tuesday.fieldErrors().get("startDate")).isEqualTo("Evening and weekend care runs on Friday, "
                + "Saturday and Sunday. Choose a start on one of those days, such as Friday 4 December 2026.");
        assertThat(tuesday.preview().canBook()).isFalse();
        assertThat(check(EVENING_CARE, hours("1", Booking.Frequency.WEEKLY, 3, TODAY.plusDays(4)), PLENTY,
                PERSONAL_CARE).errors()).isEmpty();
    }

    @Test
    void aBookingRunningPastTheBudgetsEndSaysTheDayAsPeopleWriteIt() {
        var checked = check(hours("1", Booking.Frequency.MONTHLY, 6, TODAY), PLENTY, PERSONAL_CARE);
        assertThat(checked.fieldErrors().get("occurrences")).isEqualTo("That runs past the end of the budget on "
                + "31 March 2027.");
    }

    @Test
    void aStreamWithoutTheMoneyAndAKindBudgetsMayNotBuyAreProblemsNotFieldErrors() {
        var short_ = check(hours("2", Booking.Frequency.ONE_OFF, 1, TODAY),
                Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 100L, FundingStream.NHS_HEALTH, 1_000_000L), PERSONAL_CARE);
        assertThat(short_.fieldErrors()).isEmpty();
        assertThat(short_.preview().canBook()).isFalse();
        assertThat(short_.preview().problems()).containsExactly("Council social care would pay £29.40 but has only "
                + "£1.00 left.");
        var excluded = check(hours("2", Booking.Frequency.ONE_OFF, 1, TODAY), PLENTY,
                new ServiceCategory(11, 1, "Personal care", true, "Not in this area"));
        assertThat(excluded.preview().problems()).containsExactly("Budgets cannot pay for personal care.");
    }
}
