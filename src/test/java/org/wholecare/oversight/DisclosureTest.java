package org.wholecare.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nobody can be identified from a published count: the rules at their boundaries. */
class DisclosureTest {

    @Test
    void countsUnderFiveAreFewerThanFiveAndTheRestAreRoundedToTheNearestFive() {
        assertThat(Disclosure.count(0).words()).isEqualTo("fewer than 5");
        assertThat(Disclosure.count(4).words()).isEqualTo("fewer than 5");
        assertThat(Disclosure.count(4).shown()).isFalse();
        assertThat(Disclosure.count(5).words()).isEqualTo("5");
        assertThat(Disclosure.count(6).words()).isEqualTo("5");
        assertThat(Disclosure.count(7).words()).isEqualTo("5");
        assertThat(Disclosure.count(8).words()).isEqualTo("10");
        assertThat(Disclosure.count(12_343).rounded()).isEqualTo(12_345);
    }

    @Test
    void aLoneHiddenPartIsNotLeftToBeWorkedOutBySubtraction() {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("Direct payment", 40L);
        parts.put("Managed by a brokerage", 3L);
        parts.put("Notional budget", 12L);
        var published = Disclosure.parts(parts);
        assertThat(published.get("Managed by a brokerage").words()).isEqualTo("fewer than 5");
        // the next smallest goes too: otherwise 55 - 40 - 10 would give the brokerage's
        assertThat(published.get("Notional budget").words()).isEqualTo("hidden");
        assertThat(published.get("Direct payment").words()).isEqualTo("40");
        // two hidden already: nothing more to hide
        parts.put("Notional budget", 2L);
        assertThat(Disclosure.parts(parts).get("Direct payment").words()).isEqualTo("40");
        // none hidden: none hidden
        parts.put("Managed by a brokerage", 6L);
        parts.put("Notional budget", 9L);
        assertThat(Disclosure.parts(parts).values()).allMatch(Disclosure.Count::shown);
    }

    @Test
    void aShareIsGivenOnlyFromCountsThatMayBeShown() {
        assertThat(Disclosure.share(Disclosure.count(10), Disclosure.count(40))).isEqualTo(25L);
        assertThat(Disclosure.share(Disclosure.count(4), Disclosure.count(40))).isNull();
        assertThat(Disclosure.share(Disclosure.count(10), Disclosure.count(3))).isNull();
    }
}
