package org.wholecare.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.ledger.FundingStream.ASSESSED_CONTRIBUTION;
import static org.wholecare.ledger.FundingStream.COUNCIL_SOCIAL_CARE;
import static org.wholecare.ledger.FundingStream.NHS_HEALTH;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.StreamAmount;

class ApportionmentTest {

    @Test
    void aJointPackageSplitsSixtyForty() {
        assertThat(Apportionment.split(10_000, Map.of(COUNCIL_SOCIAL_CARE, 6000, NHS_HEALTH, 4000)))
                .containsExactly(new StreamAmount(NHS_HEALTH, 4000), new StreamAmount(COUNCIL_SOCIAL_CARE, 6000));
    }

    @Test
    void aThreeWaySplitThatDoesNotDivideLosesNoPenny() {
        // 100p in thirds: 33.33 each; the extra penny goes to the first stream (all remainders equal)
        var parts = Apportionment.split(100, Map.of(NHS_HEALTH, 3334, COUNCIL_SOCIAL_CARE, 3333,
                ASSESSED_CONTRIBUTION, 3333));
        assertThat(parts).extracting(StreamAmount::pence).containsExactly(34L, 33L, 33L);
        assertThat(parts.stream().mapToLong(StreamAmount::pence).sum()).isEqualTo(100);
    }

    @Test
    void thePennyGoesToTheLargestRemainder() {
        // 1p split 50/30/20: 0.5, 0.3, 0.2 -> NHS gets it
        assertThat(Apportionment.split(1, Map.of(NHS_HEALTH, 5000, COUNCIL_SOCIAL_CARE, 3000,
                ASSESSED_CONTRIBUTION, 2000))).extracting(StreamAmount::pence).containsExactly(1L, 0L, 0L);
        // 7p split 15/85: 1.05 and 5.95 -> council's 0.95 remainder wins
        assertThat(Apportionment.split(7, Map.of(NHS_HEALTH, 1500, COUNCIL_SOCIAL_CARE, 8500)))
                .extracting(StreamAmount::pence).containsExactly(1L, 6L);
    }

    @Test
    void anyAmountAndAnySharesAlwaysAddUpExactly() {
        Random random = new Random(20261125);
        for (int i = 0; i < 10_000; i++) {
            int a = random.nextInt(10_001);
            int b = random.nextInt(10_001 - a);
            long pence = random.nextLong(1, 1_000_000_000L);
            var parts = Apportionment.split(pence, Map.of(NHS_HEALTH, a, COUNCIL_SOCIAL_CARE, b,
                    ASSESSED_CONTRIBUTION, 10_000 - a - b));
            assertThat(parts.stream().mapToLong(StreamAmount::pence).sum()).isEqualTo(pence);
            assertThat(parts).allSatisfy(p -> assertThat(p.pence()).isNotNegative());
        }
    }

    @Test
    void sharesMustAddUpToOneHundredPercent() {
        assertThatThrownBy(() -> Apportionment.split(100, Map.of(NHS_HEALTH, 6000, COUNCIL_SOCIAL_CARE, 3000)))
                .hasMessageContaining("100%");
    }

    @Test
    void anyWeightsSplitTheSameWayPenniesToTheLargestRemainders() {
        var parts = Apportionment.inProportion(100, java.util.Map.of(FundingStream.NHS_HEALTH, 1L,
                FundingStream.COUNCIL_SOCIAL_CARE, 2L));
        assertThat(parts).extracting(org.wholecare.ledger.StreamAmount::pence).containsExactlyInAnyOrder(33L, 67L);
        assertThat(parts.stream().mapToLong(org.wholecare.ledger.StreamAmount::pence).sum()).isEqualTo(100);
        // a third each of 100: the penny left goes to the first stream in stream order
        var thirds = Apportionment.inProportion(100, java.util.Map.of(FundingStream.NHS_HEALTH, 7L,
                FundingStream.COUNCIL_SOCIAL_CARE, 7L, FundingStream.ASSESSED_CONTRIBUTION, 7L));
        assertThat(thirds.stream().mapToLong(org.wholecare.ledger.StreamAmount::pence).sum()).isEqualTo(100);
        assertThat(thirds).extracting(org.wholecare.ledger.StreamAmount::pence).containsOnly(33L, 34L);
        assertThat(Apportionment.inProportion(0, java.util.Map.of())).isEmpty();
    }
}
