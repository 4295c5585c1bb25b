package org.wholecare.holder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "943-476-5919", "4010232137"})
    void validNumbersPass(String typed) {
        assertThat(NhsNumber.check(typed).valid()).isTrue();
    }

    @Test
    void theCheckDigitMustMatch() {
        assertThat(NhsNumber.check("9434765918").problem()).contains("not a valid NHS number");
    }

    @Test
    void aRemainderOfTenIsNeverValid() {
        // first nine digits 000000006: sum 6 x 2 = 12, 11 - (12 % 11) = 10, which no digit can match
        assertThat(NhsNumber.check("0000000060").valid()).isFalse();
        assertThat(NhsNumber.check("0000000061").valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "94347659190", "943476591X", "nine four three"})
    void wrongShapesAreRefusedWithAPlainReason(String typed) {
        NhsNumber.Result result = NhsNumber.check(typed);
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("NHS number");
    }

    @Test
    void itIsShownInThreeGroups() {
        assertThat(NhsNumber.display("9434765919")).isEqualTo("943 476 5919");
    }
}
