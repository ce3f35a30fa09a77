package dev.gradientdeck.review;

/**
 * Anki's review fuzz: spreads cards that would fall due on the same day over a few nearby days.
 * The draw is fixed by a seed per card and review, so a preview and the answer always agree.
 */
final class Fuzz {
    private Fuzz() {}

    /** The whole days an interval may land on, both ends included. */
    record Range(long lo, long hi) {}

    /** One day, plus 15 % of the interval's days in 2.5-7, 10 % in 7-20 and 5 % above 20. */
    static double delta(double interval) {
        if (interval < 2.5) {
            return 0;
        }
        return 1
                + 0.15 * daysWithin(interval, 2.5, 7)
                + 0.10 * daysWithin(interval, 7, 20)
                + 0.05 * daysWithin(interval, 20, Double.MAX_VALUE);
    }

    static Range range(double interval, long minimum, long maximum) {
        long floor = Math.min(minimum, maximum);
        double clamped = Math.max(floor, Math.min(maximum, interval));
        double delta = delta(clamped);
        long lo = Fsrs.clamp(Math.round(clamped - delta), floor, maximum);
        long hi = Fsrs.clamp(Math.round(clamped + delta), floor, maximum);
        // A range the bounds squeezed to one day gets a second, so neighbouring cards still spread.
        if (lo == hi && hi > 2 && hi < maximum) {
            hi = lo + 1;
        }
        return new Range(lo, hi);
    }

    /** floor(lo + f (hi - lo + 1)) with f in [0, 1): every day of the range equally likely. */
    static long apply(double interval, long minimum, long maximum, double fraction) {
        Range range = range(interval, minimum, maximum);
        return (long) Math.floor(range.lo() + fraction * (range.hi() - range.lo() + 1));
    }

    /** A fraction in [0, 1) fixed by the seed: one SplitMix64 step, stable across JVMs. */
    static double fraction(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private static double daysWithin(double interval, double start, double end) {
        return Math.max(0, Math.min(interval, end) - start);
    }
}
