package dev.gradientdeck.review;

/**
 * What FSRS knows about a card: stability S, the days after which recall falls to 90 %, and
 * difficulty D in [1, 10].
 */
public record Memory(double stability, double difficulty) {
    public Memory {
        if (!(stability > 0) || !Double.isFinite(stability)) {
            throw new IllegalArgumentException("stability must be positive and finite, was " + stability);
        }
        if (!(difficulty >= 1 && difficulty <= 10)) {
            throw new IllegalArgumentException("difficulty must be in [1, 10], was " + difficulty);
        }
    }
}
