package org.wholecare.holder;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** NHS numbers: ten digits, the last a modulus-11 check digit over the first nine. */
public final class NhsNumber {

    private NhsNumber() {
    }

    /**
     * @return the ten digits if {@code typed} is a valid NHS number (spaces and hyphens allowed),
     *         otherwise a plain-English reason it is not
     */
    public static Result check(@Nullable String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            return Result.invalid("Enter the person's NHS number. It is 10 digits, for example 943 476 5919.");
        }
        if (!digits.matches("\\d{10}")) {
            return Result.invalid("An NHS number is 10 digits, for example 943 476 5919.");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != digits.charAt(9) - '0') {
            return Result.invalid("This is not a valid NHS number. Check each digit against the person's NHS letter or app.");
        }
        return new Result(Optional.of(digits), null);
    }

    /** "9434765919" → "943 476 5919", as people see it on their letters. */
    public static String display(String digits) {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    public record Result(Optional<String> digits, @Nullable String problem) {
        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem);
        }

        public boolean valid() {
            return digits.isPresent();
        }
    }
}
