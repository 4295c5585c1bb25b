package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the money and counts a page shows, as a person reads them, into numbers to compare. */
final class Figures {

    private static final Pattern POUNDS = Pattern.compile("£([0-9,]+)\\.([0-9]{2})");

    private Figures() {
    }

    /** The first amount in pounds in the text, in pence. */
    static long pence(String text) {
        return amounts(text, 1)[0];
    }

    /** The first {@code count} amounts in pounds in the text, in pence. */
    static long[] amounts(String text, int count) {
        Matcher m = POUNDS.matcher(text);
        long[] figures = new long[count];
        for (int i = 0; i < count; i++) {
            assertThat(m.find()).as("%d amounts in: %s", count, text).isTrue();
            figures[i] = Long.parseLong(m.group(1).replace(",", "")) * 100 + Long.parseLong(m.group(2));
        }
        return figures;
    }

    /** The Total row of the budget page's table: allocated, set aside, spent, available, in pence. */
    static long[] budgetTotals(Browser browser) {
        String table = browser.textOf("stream-figures");
        return amounts(table.substring(table.lastIndexOf("Total")), 4);
    }

    /** The number shown after {@code label} in a list of facts. */
    static int count(String facts, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)").matcher(facts);
        assertThat(m.find()).as("a number after '%s' in: %s", label, facts).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
