package dev.gradientdeck.review.fit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a learner's review log as the fit reads it: the card, the moment, the rating (0 for a manual entry) and the
 * kind of entry. {@code counts} is false for an answer taken back (undone) or given while the card was suspended: such
 * answers are no evidence of memory and are left out.
 */
public record LoggedAnswer(long cardId, Instant at, int rating, Kind kind, boolean counts) {

    /** Anki's kinds of review-log entries; {@code UNKNOWN} for a log that does not say (a plain CSV). */
    public enum Kind {
        /** Answered while new or in its learning steps: where a card's history starts. */
        LEARNING,
        REVIEW,
        RELEARNING,
        /** Rescheduled or reset by hand, not answered: never an item. */
        MANUAL,
        UNKNOWN
    }

    public LoggedAnswer {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if (rating < 0 || rating > 4) throw new IllegalArgumentException("rating must be 0-4, was " + rating);
        if (rating == 0 && kind != Kind.MANUAL) throw new IllegalArgumentException("only a manual entry has rating 0");
    }

    /** A plain answer from a log that records no kinds. */
    public static LoggedAnswer answer(long cardId, Instant at, int rating) {
        return new LoggedAnswer(cardId, at, rating, rating == 0 ? Kind.MANUAL : Kind.UNKNOWN, true);
    }
}
