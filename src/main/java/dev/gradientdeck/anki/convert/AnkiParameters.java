package dev.gradientdeck.anki.convert;

import dev.gradientdeck.review.FsrsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anki's saved FSRS parameters as FSRS-6 weights, to replay a card the way Anki computed its memory. FSRS-4.5 kept 17
 * (converted as fsrs-rs does: the initial-difficulty pair re-expressed for FSRS-5's exponential form, the difficulty step
 * shifted by 0.5, no same-day terms); FSRS-5 kept 19; FSRS-6 keeps 21. FSRS-4.5 and FSRS-5 forget with the decay 0.5 and
 * have no same-day stability exponent, which FSRS-6 writes as w19 = 0 and w20 = 0.5.
 */
public final class AnkiParameters {
    private AnkiParameters() {}

    public static Optional<FsrsSettings> settings(List<Double> anki, FsrsSettings base) {
        List<Double> w = new ArrayList<>(anki);
        switch (w.size()) {
            case 17 -> {
                double w4 = w.get(4);
                double w5 = w.get(5);
                w.set(4, w4 + 2 * w5);
                w.set(5, Math.log(3 * w5 + 1) / 3);
                w.set(6, w.get(6) + 0.5);
                w.addAll(List.of(0.0, 0.0, 0.0, 0.5));
            }
            case 19 -> w.addAll(List.of(0.0, 0.5));
            case 21 -> {}
            default -> {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new FsrsSettings(
                    w,
                    base.desiredRetention(),
                    base.learningSteps(),
                    base.relearningSteps(),
                    base.maximumIntervalDays(),
                    base.shortTerm(),
                    base.fuzz()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
