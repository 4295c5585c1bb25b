package org.wholecare.oversight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * How a count of people may be published without anyone being identified, as NHS statistics do:
 * under 5 is "fewer than 5", anything else is rounded to the nearest 5; and in a set of counts
 * that add up to a published total, a lone hidden count is not left to be worked out by
 * subtraction: the next smallest is hidden with it.
 */
public final class Disclosure {

    public static final int SMALLEST_SHOWN = 5;
    public static final String FEWER_THAN_5 = "fewer than 5";

    private Disclosure() {
    }

    /** A published count: its words, and its number if one may be given (rounded), else null. */
    public record Count(String words, Long rounded) {

        public boolean shown() {
            return rounded != null;
        }
    }

    public static Count count(long n) {
        if (n < SMALLEST_SHOWN) {
            return new Count(FEWER_THAN_5, null);
        }
        long rounded = Math.round(n / 5.0) * 5;
        return new Count(Long.toString(rounded), rounded);
    }

    /**
     * Counts that add up to a total which is published too: each as {@link #count}, and if just one
     * is hidden, the next smallest is hidden as well ("hidden"), so none can be derived.
     */
    public static Map<String, Count> parts(Map<String, Long> parts) {
        Map<String, Count> published = new LinkedHashMap<>();
        parts.forEach((name, n) -> published.put(name, count(n)));
        long hidden = published.values().stream().filter(c -> !c.shown()).count();
        if (hidden == 1 && parts.size() > 1) {
            List<Map.Entry<String, Long>> bySize = new ArrayList<>(parts.entrySet());
            bySize.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            for (Map.Entry<String, Long> part : bySize) {
                if (published.get(part.getKey()).shown()) {
                    published.put(part.getKey(), new Count("hidden", null));
                    break;
                }
            }
        }
        return published;
    }

    /** A share, in whole percent, of a total, or null if either count may not be shown. */
    public static Long share(Count part, Count total) {
        if (!part.shown() || !total.shown() || total.rounded() == 0) {
            return null;
        }
        return Math.round(part.rounded() * 100.0 / total.rounded());
    }
}
