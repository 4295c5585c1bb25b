package org.wholecare.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Money is integer pence everywhere in code; this turns it into "£1,234.50" and back. */
public final class Money {

    private static final Pattern AMOUNT = Pattern.compile("^-?\\d{1,9}(\\.\\d{1,2})?$");

    private Money() {
    }

    public static String format(long pence) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        return format.format(BigDecimal.valueOf(pence, 2));
    }

    /**
     * Reads what a person typed ("24.50", "£1,240", " 7 ") as pence.
     *
     * @throws ValidationException for {@code field} when it is not an amount of money
     */
    public static long parse(@Nullable String typed, String field) {
        String cleaned = typed == null ? "" : typed.strip().replace("£", "").replace(",", "").replace(" ", "");
        if (cleaned.isEmpty()) {
            throw ValidationException.of(field, "Enter an amount in pounds, for example 24.50.");
        }
        if (!AMOUNT.matcher(cleaned).matches()) {
            throw ValidationException.of(field, "Enter an amount in pounds and pence using numbers only, "
                    + "for example 24.50.");
        }
        return new BigDecimal(cleaned).movePointRight(2).longValueExact();
    }
}
