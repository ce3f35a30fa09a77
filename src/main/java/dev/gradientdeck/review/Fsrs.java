package dev.gradientdeck.review;

import static dev.gradientdeck.review.Rating.EASY;
import static dev.gradientdeck.review.Rating.HARD;

/**
 * The FSRS-6 memory model: one method per formula, named as in the paper and in fsrs-rs.
 * {@code w} are the weights w0..w20; G is {@link Rating#value()}.
 */
public final class Fsrs {
    static final double MIN_STABILITY = 0.001;
    static final double MAX_STABILITY = 36_500;
    private static final double MIN_DIFFICULTY = 1;
    private static final double MAX_DIFFICULTY = 10;

    private final double[] w;
    private final double decay;
    private final double factor;
    private final double desiredRetention;
    private final int maximumIntervalDays;
    private final boolean shortTerm;

    public Fsrs(FsrsSettings settings) {
        w = settings.weights().stream().mapToDouble(Double::doubleValue).toArray();
        decay = -w[20];
        // Chosen so that R(S, S) = 0.9 for any decay: that is what "stability" means.
        factor = Math.pow(0.9, 1 / decay) - 1;
        desiredRetention = settings.desiredRetention();
        maximumIntervalDays = settings.maximumIntervalDays();
        shortTerm = settings.shortTerm();
    }

    /** The memory a new card gets from its first rating. */
    public Memory initialMemory(Rating rating) {
        return new Memory(initialStability(rating), initialDifficulty(rating));
    }

    /** The memory after answering {@code rating} {@code elapsedDays} whole days after the last review. */
    public Memory nextMemory(Memory memory, long elapsedDays, Rating rating) {
        double s = memory.stability();
        double d = memory.difficulty();
        double next;
        if (elapsedDays == 0 && shortTerm) {
            next = shortTermStability(s, rating);
        } else {
            double r = retrievability(elapsedDays, s);
            next = rating.isPass() ? stabilityAfterRecall(d, s, r, rating) : stabilityAfterLapse(d, s, r);
        }
        return new Memory(clamp(next, MIN_STABILITY, MAX_STABILITY), nextDifficulty(d, rating));
    }

    /** S0(G) = w[G-1]. */
    public double initialStability(Rating rating) {
        return Math.max(w[rating.value() - 1], MIN_STABILITY);
    }

    /** D0(G) = w4 - e^(w5(G-1)) + 1, clamped to [1, 10]. */
    public double initialDifficulty(Rating rating) {
        return clampDifficulty(unclampedInitialDifficulty(rating));
    }

    /** R(t, S) = (1 + FACTOR t / S)^DECAY: the probability of recall t days after the last review. */
    public double retrievability(double elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    /** D' = D + ΔD (10 - D) / 9 with ΔD = -w6 (G - 3), then mean reversion toward D0(Easy). */
    public double nextDifficulty(double difficulty, Rating rating) {
        double delta = -w[6] * (rating.value() - 3);
        // Linear damping: steps shrink near 10, so hard cards do not pile up at the ceiling.
        double damped = difficulty + delta * (10 - difficulty) / 9;
        // All reference implementations revert toward the unclamped D0(4), not the clamped 1.
        double reverted = w[7] * unclampedInitialDifficulty(EASY) + (1 - w[7]) * damped;
        return clampDifficulty(reverted);
    }

    /** S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) h e) for a pass on a later day. */
    public double stabilityAfterRecall(double difficulty, double stability, double retrievability, Rating rating) {
        double hardPenalty = rating == HARD ? w[15] : 1;
        double easyBonus = rating == EASY ? w[16] : 1;
        double gain = Math.exp(w[8])
                * (11 - difficulty)
                * Math.pow(stability, -w[9])
                * (Math.exp(w[10] * (1 - retrievability)) - 1)
                * hardPenalty
                * easyBonus;
        return stability * (1 + gain);
    }

    /** Sf = w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R)) for a lapse on a later day. */
    public double stabilityAfterLapse(double difficulty, double stability, double retrievability) {
        double forgotten = w[11]
                * Math.pow(difficulty, -w[12])
                * (Math.pow(stability + 1, w[13]) - 1)
                * Math.exp(w[14] * (1 - retrievability));
        // A lapse never raises S; with the short-term model on, fsrs-rs keeps it a step below S.
        double ceiling = shortTerm ? stability / Math.exp(w[17] * w[18]) : stability;
        return Math.min(forgotten, ceiling);
    }

    /** S' = S e^(w17 (G - 3 + w18)) S^-w19 for a review on the same day as the last one. */
    public double shortTermStability(double stability, Rating rating) {
        double increase = Math.exp(w[17] * (rating.value() - 3 + w[18])) * Math.pow(stability, -w[19]);
        // Anki (fsrs-rs) floors every same-day pass at 1, Hard included: a pass never lowers S.
        return stability * (rating.isPass() ? Math.max(increase, 1) : increase);
    }

    /** I = S / FACTOR (r^(1/DECAY) - 1) in fractional days: when R falls to the desired retention. */
    public double exactInterval(double stability) {
        return stability / factor * (Math.pow(desiredRetention, 1 / decay) - 1);
    }

    /** The interval in whole days, clamped to [1, maximum interval]. */
    public long nextInterval(double stability) {
        return clamp(Math.round(exactInterval(stability)), 1, maximumIntervalDays);
    }

    private double unclampedInitialDifficulty(Rating rating) {
        return w[4] - Math.exp(w[5] * (rating.value() - 1)) + 1;
    }

    private static double clampDifficulty(double difficulty) {
        return clamp(difficulty, MIN_DIFFICULTY, MAX_DIFFICULTY);
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }

    static long clamp(long value, long lo, long hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}
