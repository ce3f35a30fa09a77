package dev.gradientdeck.descent.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hand-friendly numbers for randomized specs: values a learner can compute with on paper.
 *
 * <p>In a range [low, high]:
 *
 * <ol>
 *   <li>the integers, when there are at least three of them ([-2, 2] gives -2, -1, 0, 1, 2);
 *   <li>else the numbers with one significant digit, d·10^k, down to one decade below the range's
 *       largest magnitude, and 0 when it is in range ([0.005, 0.02] gives 0.005, 0.006, ..., 0.009,
 *       0.01, 0.02);
 *   <li>else (a narrow range such as [1.1, 1.9]) the multiples of the coarsest power of ten that
 *       has one in range.
 * </ol>
 */
public final class RoundNumbers {
    private RoundNumbers() {}

    /** One of the hand-friendly numbers in [low, high], each equally likely. */
    public static double draw(double low, double high, SplittableRandom random) {
        long first = (long) Math.ceil(low);
        long last = (long) Math.floor(high);
        if (last - first >= 2) {
            return first + random.nextLong(last - first + 1);
        }
        List<Double> candidates = between(low, high);
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** The candidates of rules 2 and 3, in increasing order. */
    public static List<Double> between(double low, double high) {
        double largest = Math.max(Math.abs(low), Math.abs(high));
        if (largest == 0 || low == high) {
            return List.of(low);
        }
        List<Double> candidates = new ArrayList<>();
        int top = (int) Math.floor(Math.log10(largest));
        for (int k = top - 1; k <= top; k++) {
            for (int d = -9; d <= 9; d++) {
                double value = scaled(d, k);
                if (d != 0 && value >= low && value <= high) {
                    candidates.add(value);
                }
            }
        }
        if (low <= 0 && 0 <= high) {
            candidates.add(0.0);
        }
        if (candidates.isEmpty()) {
            // A spacing no wider than the range always has a multiple inside it.
            // Start one below the first multiple, as low / 10^k may round up past it.
            int k = (int) Math.floor(Math.log10(high - low));
            for (long m = (long) Math.floor(low / Math.pow(10, k)) - 1; scaled(m, k) <= high; m++) {
                if (scaled(m, k) >= low) {
                    candidates.add(scaled(m, k));
                }
            }
        }
        candidates.sort(null);
        return List.copyOf(candidates);
    }

    /**
     * m·10^k rounded once, so 3·10^-2 is the double nearest 0.03 (3 · 0.01 would be
     * 0.030000000000000002).
     */
    private static double scaled(long m, int k) {
        return k >= 0 ? m * Math.pow(10, k) : m / Math.pow(10, -k);
    }
}
