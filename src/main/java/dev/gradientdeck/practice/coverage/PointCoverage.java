package dev.gradientdeck.practice.coverage;

import java.util.List;

/**
 * Whether a spoken answer covered a key point; the missing terms tell the learner what to add next
 * time.
 */
public record PointCoverage(
        String point, boolean covered, double share, List<String> missingTerms) {
    public PointCoverage {
        missingTerms = List.copyOf(missingTerms);
    }
}
