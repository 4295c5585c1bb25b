package org.wholecare.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wholecare.shared.ValidationException;

/**
 * What a password must be, following the NCSC's advice: long rather than complicated (a passphrase
 * of three random words is ideal, and long ones are welcome), not one of the passwords attackers
 * try first (a list shipped with the app), and no rules about symbols or digits.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    /** Long passphrases are welcome; this only keeps a form post from being a novel. */
    static final int MAX_LENGTH = 256;
    private static final int MIN_DIFFERENT_CHARACTERS = 5;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    static void check(@Nullable String password, @Nullable String confirmation, String username,
            ValidationException.Collector errors) {
        if (password == null || password.isEmpty()) {
            errors.add("password", "Choose a password.");
        } else if (password.length() < MIN_LENGTH) {
            errors.add("password", "Your password must be at least " + MIN_LENGTH
                    + " characters long. Three random words make a good one.");
        } else if (password.length() > MAX_LENGTH) {
            errors.add("password", "Your password must be " + MAX_LENGTH + " characters or fewer.");
        } else if (password.strip().equalsIgnoreCase(username)) {
            errors.add("password", "Your password must not be your username.");
        } else if (COMMON.contains(password.toLowerCase(Locale.UK))) {
            errors.add("password", "That is one of the passwords people use most, so it is among the first ones "
                    + "anyone would try. Choose another: three random words make a good one.");
        } else if (password.codePoints().distinct().count() < MIN_DIFFERENT_CHARACTERS) {
            errors.add("password", "That password repeats a few characters, which makes it easy to guess. "
                    + "Choose another: three random words make a good one.");
        }
        if (!errors.has("password") && !password.equals(confirmation)) {
            errors.add("confirmation", "The two passwords are different. Type the same password twice.");
        }
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    common.add(line.strip().toLowerCase(Locale.UK));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
