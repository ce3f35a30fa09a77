package dev.gradientdeck.review;

import java.time.Instant;
import java.util.Objects;

/** One logged answer, with the elapsed days and fuzz seed it was scheduled with. */
public record ReviewEvent(Rating rating, Instant reviewedAt, long elapsedDays, long fuzzSeed) {
    public ReviewEvent {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
    }
}
