package dev.gradientdeck.review;

import java.time.Instant;
import java.util.Objects;

/** A card's scheduling record. {@code lastReview} is null until the first answer. */
public record Schedule(CardState state, Instant due, Instant lastReview, int reps, int lapses) {
    public Schedule {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
        if (reps < 0 || lapses < 0) {
            throw new IllegalArgumentException("reps and lapses must not be negative, were " + reps + ", " + lapses);
        }
    }

    /** A card just added: new, and due at once. */
    public static Schedule fresh(Instant now) {
        return new Schedule(new CardState.New(), now, null, 0, 0);
    }
}
