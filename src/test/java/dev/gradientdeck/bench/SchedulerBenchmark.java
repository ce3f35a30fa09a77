package dev.gradientdeck.bench;

import dev.gradientdeck.review.CardState;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.NextStates;
import dev.gradientdeck.review.Schedule;
import dev.gradientdeck.review.Scheduler;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One FSRS step: the four next states of a review card, as every grade-button label and every answer computes them. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchedulerBenchmark {
    private final FsrsSettings settings = FsrsSettings.defaults();
    private final Instant lastReview = Instant.parse("2026-11-01T09:00:00Z");
    private final Schedule review = new Schedule(
            new CardState.Review(new Memory(12.5, 5.2)), Instant.parse("2026-11-13T09:00:00Z"), lastReview, 6, 1);
    private final Instant now = Instant.parse("2026-11-15T09:00:00Z");
    private long seed;

    @Benchmark
    public NextStates nextStatesOfAReviewCard() {
        return Scheduler.nextStates(review, now, 14, seed++, settings);
    }
}
