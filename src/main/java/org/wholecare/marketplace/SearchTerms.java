package org.wholecare.marketplace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The words a listing is found by, each joined to a district it is offered in ("nb4_dementia").
 * A search always names one district, so the full-text index then reads only that district's
 * share of each word's postings, however big the region grows, instead of every listing in the
 * region that contains a common word.
 */
final class SearchTerms {

    /** Raised whenever the way terms are made changes, so stored search text is made again at start. */
    static final int VERSION = 1;

    // InnoDB's own stop-word list does not apply to joined terms, so the common words are left out here
    private static final Set<String> STOP_WORDS = Set.of("about", "and", "are", "can", "com", "for", "from", "has",
            "have", "how", "its", "our", "that", "the", "this", "was", "what", "when", "where", "who", "will", "with",
            "www", "you", "your");
    // InnoDB's longest token is 84 characters; a district and separator take at most five
    private static final int LONGEST_WORD = 60;
    private static final int MOST_WORDS = 10;

    private SearchTerms() {
    }

    /** The stored search text of a listing: its distinct words in every district it is offered in. */
    static String document(String title, String description, Collection<String> districts) {
        Set<String> words = new LinkedHashSet<>(words(title));
        words.addAll(words(description));
        List<String> titleWords = words(title);
        StringBuilder text = new StringBuilder();
        for (String district : districts) {
            String prefix = district.toLowerCase(Locale.UK) + "_";
            // title words count twice, so a match in the title ranks above one in the description
            for (String word : titleWords) {
                text.append(prefix).append(word).append(' ');
            }
            for (String word : words) {
                text.append(prefix).append(word).append(' ');
            }
        }
        return text.toString().strip();
    }

    /**
     * What was typed, as boolean full-text terms for one district: every word must appear, and a
     * word may be the start of a longer one ("physio" finds "physiotherapy"). Operators typed by the
     * person are dropped with everything else that is not a letter or digit, so they stay text.
     *
     * @return null when nothing searchable was typed
     */
    static @Nullable String query(String district, @Nullable String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        String prefix = district.toLowerCase(Locale.UK) + "_";
        List<String> terms = new ArrayList<>();
        for (String word : words.subList(0, Math.min(words.size(), MOST_WORDS))) {
            terms.add("+" + prefix + word + "*");
        }
        return String.join(" ", terms);
    }

    private static List<String> words(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.UK).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && word.length() <= LONGEST_WORD && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }
}
