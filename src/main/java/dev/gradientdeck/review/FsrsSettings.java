package dev.gradientdeck.review;

import java.time.Duration;
import java.util.List;

/**
 * The scheduler's settings: the 21 FSRS-6 weights w0..w20, the target probability of recall at
 * the due date, the (re)learning steps, the longest interval in days, whether same-day reviews use
 * the short-term model, and whether review intervals get fuzz.
 */
public record FsrsSettings(
        List<Double> weights,
        double desiredRetention,
        List<Duration> learningSteps,
        List<Duration> relearningSteps,
        int maximumIntervalDays,
        boolean shortTerm,
        boolean fuzz) {

    /** The FSRS-6 defaults shared by py-fsrs 6.3, ts-fsrs 5.4, fsrs-rs 6.6 and go-fsrs v4. */
    public static final List<Double> DEFAULT_WEIGHTS = List.of(
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
            1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542);

    /** FSRS caps stability, and so any interval, at 100 years. */
    public static final int LONGEST_INTERVAL_DAYS = 36_500;

    public FsrsSettings {
        weights = List.copyOf(weights);
        if (weights.size() != 21) {
            throw new IllegalArgumentException("FSRS-6 needs 21 weights, got " + weights.size());
        }
        if (!weights.stream().allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("weights must be finite: " + weights);
        }
        if (!(desiredRetention > 0 && desiredRetention <= 1)) {
            throw new IllegalArgumentException("desired retention must be in (0, 1], was " + desiredRetention);
        }
        learningSteps = positiveSteps("learning", learningSteps);
        relearningSteps = positiveSteps("relearning", relearningSteps);
        if (maximumIntervalDays < 1 || maximumIntervalDays > LONGEST_INTERVAL_DAYS) {
            throw new IllegalArgumentException(
                    "maximum interval must be 1-" + LONGEST_INTERVAL_DAYS + " days, was " + maximumIntervalDays);
        }
    }

    /** Anki's defaults: 90 % retention, steps 1 m 10 m, relearning 10 m, short-term on, fuzz on. */
    public static FsrsSettings defaults() {
        return new FsrsSettings(
                DEFAULT_WEIGHTS,
                0.9,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(10)),
                LONGEST_INTERVAL_DAYS,
                true,
                true);
    }

    public FsrsSettings withWeights(List<Double> weights) {
        return new FsrsSettings(
                weights, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, shortTerm, fuzz);
    }

    public FsrsSettings withFuzz(boolean fuzz) {
        return new FsrsSettings(
                weights, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, shortTerm, fuzz);
    }

    public FsrsSettings withDesiredRetention(double desiredRetention) {
        return new FsrsSettings(
                weights, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, shortTerm, fuzz);
    }

    private static List<Duration> positiveSteps(String kind, List<Duration> steps) {
        List<Duration> copy = List.copyOf(steps);
        for (Duration step : copy) {
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException(kind + " steps must be positive: " + copy);
            }
        }
        return copy;
    }
}
