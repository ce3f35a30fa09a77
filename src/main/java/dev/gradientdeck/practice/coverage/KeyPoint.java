package dev.gradientdeck.practice.coverage;

import java.util.List;

/** One thing a good answer mentions, and the content words that show it was mentioned. */
public record KeyPoint(String text, List<String> terms) {
    public KeyPoint {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a key point needs at least one content word: " + text);
        }
    }
}
