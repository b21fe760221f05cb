package org.thermodiff.experiment;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …?" for misspelt keys and plugin names. */
final class Suggestions {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    /**
     * The closest candidate within an edit distance of about a third of the word (at least 2, so
     * that two swapped letters, "tabel" for "table", are still recognised), if any.
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        return candidates.stream()
                .filter(c -> DISTANCE.apply(word, c) <= limit)
                .min(Comparator.comparingInt((String c) -> DISTANCE.apply(word, c)).thenComparing(c -> c));
    }

    /** {@code " Did you mean 'x'?"} or the empty string. */
    static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
    }
}
