package dev.gradientdeck.practice.coverage;

import java.util.List;

/**
 * Whether an answer covered a key point: the words of the answer that showed it (so the learner sees
 * why), and the terms not heard (what to add next time).
 */
public record PointCoverage(
        String point, boolean covered, double share, List<String> missingTerms, List<String> matchedWords) {
    public PointCoverage {
        missingTerms = List.copyOf(missingTerms);
        matchedWords = List.copyOf(matchedWords);
    }
}
