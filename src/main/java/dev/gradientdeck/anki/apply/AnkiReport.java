package dev.gradientdeck.anki.apply;

import java.util.List;
import java.util.Map;

/**
 * What one Anki import did, in the API's exact shape: what the package held (notes, cards, media), the answers that are in
 * the review log from it and the log rows skipped by reason, how many cards carried FSRS memory and how many of those the
 * replay matches within 1 %, how many card files were updated or unchanged, and everything worth the learner's attention.
 */
public record AnkiReport(
        String format,
        int notes,
        int cards,
        int reviews,
        Map<String, Integer> reviewsSkipped,
        int media,
        int cardsWithFsrsState,
        int fsrsWithin1Percent,
        int updated,
        int unchanged,
        List<String> warnings) {

    public AnkiReport {
        reviewsSkipped = Map.copyOf(reviewsSkipped);
        warnings = List.copyOf(warnings);
    }

    public int skippedTotal() {
        return reviewsSkipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
