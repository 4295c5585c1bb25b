package org.wholecare.marketplace.openreferral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenReferralIdsTest {

    @Test
    void anIdIsAVersion8UuidThatGivesItsNumberBackAndOnlyToItsOwnKind() {
        String id = OpenReferralIds.SERVICE.of(42);
        assertThat(id).isEqualTo("57430001-0000-8000-8000-0000002a0000");
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(8);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(OpenReferralIds.SERVICE.numberOf(id)).contains(42L);
        assertThat(OpenReferralIds.SERVICE.numberOf(id.toUpperCase())).contains(42L);
        assertThat(OpenReferralIds.ORGANIZATION.numberOf(id)).isEmpty();
        assertThat(OpenReferralIds.SERVICE.numberOf(OpenReferralIds.SERVICE.of(Long.MAX_VALUE >> 17)))
                .contains(Long.MAX_VALUE >> 17);
    }

    @Test
    void partsOfOneListingHaveTheirOwnIdsButNameNoListing() {
        String second = OpenReferralIds.LANGUAGE.of(7, 1);
        assertThat(second).isNotEqualTo(OpenReferralIds.LANGUAGE.of(7, 0));
        assertThat(OpenReferralIds.LANGUAGE.numberOf(second)).isEmpty();
    }

    @Test
    void somethingThatIsNotOneOfOursNamesNothing() {
        assertThat(OpenReferralIds.SERVICE.numberOf("not an id")).isEmpty();
        assertThat(OpenReferralIds.SERVICE.numberOf("1-1-1-1-1")).isEmpty();
        assertThat(OpenReferralIds.SERVICE.numberOf(UUID.randomUUID().toString())).isEmpty();
        assertThat(OpenReferralIds.looksLikeAUuid(UUID.randomUUID().toString())).isTrue();
        assertThat(OpenReferralIds.looksLikeAUuid("1-1-1-1-1")).isFalse();
        assertThatThrownBy(() -> OpenReferralIds.SERVICE.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
