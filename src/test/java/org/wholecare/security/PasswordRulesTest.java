package org.wholecare.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wholecare.shared.ValidationException;

/** The NCSC's advice: long passphrases welcome, the passwords attackers try first refused. */
class PasswordRulesTest {

    private static Map<String, String> problems(String password) {
        var errors = new ValidationException.Collector();
        PasswordRules.check(password, password, "sam.taylor", errors);
        return errors.fieldErrors();
    }

    @Test
    void commonPasswordsFromTheShippedListAreRefusedWhateverTheirCase() {
        assertThat(problems("password123")).containsKey("password");
        assertThat(problems("QWERTYUIOP").get("password")).contains("one of the passwords people use most");
        assertThat(problems("1234567890")).containsKey("password");
    }

    @Test
    void aFewRepeatedCharactersAreRefused() {
        assertThat(problems("aaaaaaaaaa").get("password")).contains("repeats a few characters");
        assertThat(problems("abababababab")).containsKey("password");
    }

    @Test
    void longPassphrasesAreWelcomeUpToAGenerousLimit() {
        assertThat(problems("correct horse battery staple")).isEmpty();
        String passphrase = "a long passphrase of many ordinary words ".repeat(6);
        assertThat(passphrase.length()).isBetween(200, PasswordRules.MAX_LENGTH);
        assertThat(problems(passphrase)).isEmpty();
        assertThat(problems("x" + "abcdefghij".repeat(26)).get("password")).contains("256 characters or fewer");
    }

    @Test
    void tooShortTheUsernameOrTwoDifferentEntriesAreEachSaidAtTheirField() {
        assertThat(problems("short")).containsKey("password");
        assertThat(problems("Sam.Taylor").get("password")).contains("must not be your username");
        var errors = new ValidationException.Collector();
        PasswordRules.check("correct horse battery", "correct horse batery", "sam", errors);
        assertThat(errors.fieldErrors()).containsOnlyKeys("confirmation");
    }
}
