package org.wholecare.pooling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wholecare.ledger.FundingStream.ASSESSED_CONTRIBUTION;
import static org.wholecare.ledger.FundingStream.COUNCIL_SOCIAL_CARE;
import static org.wholecare.ledger.FundingStream.NHS_HEALTH;
import static org.wholecare.ledger.FundingStream.PRIVATE_TOP_UP;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wholecare.ledger.BudgetBalance;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.ledger.StreamBalance;
import org.wholecare.pooling.SplitNote;

/** What a pooling agreement means for one person's budget, on its own with every figure handed in. */
class BudgetSharesTest {

    // Northbrook's day activities: 70% council, 30% the person's assessed contribution
    private static final Map<FundingStream, Integer> DAY_ACTIVITIES = Map.of(COUNCIL_SOCIAL_CARE, 7_000,
            ASSESSED_CONTRIBUTION, 3_000);

    /** Each stream as {allocated, available}, in pence. */
    private static BudgetBalance budget(Object... streamAllocatedAvailable) {
        var streams = new java.util.ArrayList<StreamBalance>();
        for (int i = 0; i < streamAllocatedAvailable.length; i += 3) {
            long allocated = (Long) streamAllocatedAvailable[i + 1];
            long available = (Long) streamAllocatedAvailable[i + 2];
            streams.add(new StreamBalance((FundingStream) streamAllocatedAvailable[i], allocated,
                    allocated - available, 0, available));
        }
        return new BudgetBalance(1, streams);
    }

    private static String parts(BudgetShares.Split split) {
        return split.parts().stream().map(p -> p.stream() + " " + p.pence())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @Test
    void aStreamThePersonHasNoMoneyInHasItsSharePaidByTheOthersAndSaysSo() {
        // Ayesha: NHS and council money, no assessed contribution; a £48.00 day at the day centre
        var split = BudgetShares.of(4_800, DAY_ACTIVITIES, budget(NHS_HEALTH, 520_000L, 520_000L,
                COUNCIL_SOCIAL_CARE, 780_000L, 780_000L));
        assertThat(parts(split)).isEqualTo("COUNCIL_SOCIAL_CARE 4800");
        assertThat(split.notes()).extracting(SplitNote::text).containsExactly("Assessed contribution has no money "
                + "in this budget, so Council social care pays its share (£14.40).");
        assertThat(split.notes()).noneMatch(SplitNote::stopsPurchase);
    }

    @Test
    void withTwoStreamsLeftTheMissingShareIsSharedInTheirProportions() {
        var shares = Map.of(NHS_HEALTH, 5_000, COUNCIL_SOCIAL_CARE, 3_000, ASSESSED_CONTRIBUTION, 2_000);
        var split = BudgetShares.of(10_001, shares, budget(NHS_HEALTH, 100_000L, 100_000L,
                COUNCIL_SOCIAL_CARE, 100_000L, 100_000L));
        // 5:3 of £100.01; the odd penny goes to the larger remainder
        assertThat(parts(split)).isEqualTo("NHS_HEALTH 6251, COUNCIL_SOCIAL_CARE 3750");
        assertThat(split.notes()).extracting(SplitNote::text).containsExactly("Assessed contribution has no money "
                + "in this budget, so NHS health and Council social care pay its share (£20.00).");
    }

    @Test
    void aStreamWithMoneyButNotEnoughLeftKeepsItsShareAndStopsThePurchase() {
        var split = BudgetShares.of(4_800, DAY_ACTIVITIES, budget(COUNCIL_SOCIAL_CARE, 780_000L, 1_000L,
                ASSESSED_CONTRIBUTION, 50_000L, 50_000L));
        assertThat(parts(split)).isEqualTo("COUNCIL_SOCIAL_CARE 3360, ASSESSED_CONTRIBUTION 1440");
        assertThat(split.notes()).extracting(SplitNote::text).containsExactly("Council social care would pay "
                + "£33.60 but has only £10.00 left.");
        assertThat(split.notes()).allMatch(SplitNote::stopsPurchase);
    }

    @Test
    void thePrivateTopUpPaysWhatAFundersStreamHasRunOutForAndTheWholeStillAddsUp() {
        var split = BudgetShares.of(4_800, DAY_ACTIVITIES, budget(COUNCIL_SOCIAL_CARE, 780_000L, 1_000L,
                ASSESSED_CONTRIBUTION, 50_000L, 50_000L, PRIVATE_TOP_UP, 3_000L, 3_000L));
        assertThat(parts(split)).isEqualTo("COUNCIL_SOCIAL_CARE 1000, ASSESSED_CONTRIBUTION 1440, PRIVATE_TOP_UP 2360");
        assertThat(split.parts().stream().mapToLong(StreamAmount::pence).sum()).isEqualTo(4_800);
        assertThat(split.notes()).extracting(SplitNote::text).containsExactly("Council social care has only £10.00 "
                + "left, so the private top-up (money added by card) pays £23.60 of its share.");
        assertThat(split.notes()).noneMatch(SplitNote::stopsPurchase);
    }

    @Test
    void aTopUpTooSmallForTheGapIsNotTakenAndTheMessageSaysWhatItHas() {
        var split = BudgetShares.of(4_800, DAY_ACTIVITIES, budget(COUNCIL_SOCIAL_CARE, 780_000L, 1_000L,
                ASSESSED_CONTRIBUTION, 50_000L, 50_000L, PRIVATE_TOP_UP, 500L, 500L));
        assertThat(parts(split)).isEqualTo("COUNCIL_SOCIAL_CARE 3360, ASSESSED_CONTRIBUTION 1440");
        assertThat(split.notes()).extracting(SplitNote::text).containsExactly("Council social care would pay "
                + "£33.60 but has only £10.00 left, and the private top-up has only £5.00 to add.");
    }

    @Test
    void whenNoStreamOfTheAgreementIsInTheBudgetOnlyTheTopUpCanPay() {
        var ownMoneyOnly = Map.of(ASSESSED_CONTRIBUTION, 10_000);
        var none = BudgetShares.of(2_000, ownMoneyOnly, budget(NHS_HEALTH, 100_000L, 100_000L));
        assertThat(none.notes()).extracting(SplitNote::text).containsExactly("Assessed contribution would pay "
                + "£20.00 but has only £0.00 left.");
        var topUp = BudgetShares.of(2_000, ownMoneyOnly, budget(NHS_HEALTH, 100_000L, 100_000L,
                PRIVATE_TOP_UP, 5_000L, 5_000L));
        assertThat(parts(topUp)).isEqualTo("PRIVATE_TOP_UP 2000");
        assertThat(topUp.notes()).noneMatch(SplitNote::stopsPurchase);
    }

    @Test
    void thePartsAlwaysAddUpToTheWhole() {
        var shares = Map.of(NHS_HEALTH, 3_333, COUNCIL_SOCIAL_CARE, 3_333, ASSESSED_CONTRIBUTION, 3_334);
        var balance = budget(NHS_HEALTH, 1_000_000L, 1_000_000L, COUNCIL_SOCIAL_CARE, 1_000_000L, 700L,
                PRIVATE_TOP_UP, 1_000_000L, 1_000_000L);
        for (long pence : new long[] {1, 2, 3, 7, 99, 1_001, 4_801, 123_457}) {
            var split = BudgetShares.of(pence, shares, balance);
            assertThat(split.parts().stream().mapToLong(StreamAmount::pence).sum()).as("£%d", pence).isEqualTo(pence);
            assertThat(split.parts()).allMatch(p -> p.pence() > 0);
            assertThat(Arrays.stream(FundingStream.values()).filter(s -> s != PRIVATE_TOP_UP)
                    .allMatch(s -> split.parts().stream().filter(p -> p.stream() == s).mapToLong(StreamAmount::pence)
                            .sum() <= balance.stream(s).available())).isTrue();
        }
    }
}
