package dev.gradientdeck.review.fit;

/**
 * The bounds every weight is put back inside after each step (fsrs-rs {@code clip_parameters}): values outside them make
 * the model misbehave (a lapse raising stability, a same-day review exploding it).
 */
public final class Clipping {
    private Clipping() {}

    private static final double[][] BOUNDS = {
        {0.001, 100},
        {0.001, 100},
        {0.001, 100},
        {0.001, 100},
        {1, 10},
        {0.001, 4},
        {0.001, 4},
        {0.001, 0.75},
        {0, 4.5},
        {0, 0.8},
        {0.001, 3.5},
        {0.001, 5},
        {0.001, 0.25},
        {0.001, 0.9},
        {0, 4},
        {0, 1},
        {1, 6}
    };

    /**
     * Clips in place. With more than one relearning step, w17·w18 is capped so that the relearning steps cannot lift a
     * lapsed card's stability above what it was; the w19 floor is 0.01 while the short-term model is on.
     */
    public static double[] clip(double[] w, int relearningSteps, boolean shortTerm) {
        double sameDayCeiling = relearningSteps > 1
                ? Math.min(
                        2,
                        Math.sqrt(Math.max(
                                0.01,
                                -(Math.log(w[11]) + Math.log(Math.pow(2, w[13]) - 1) + 0.3 * w[14]) / relearningSteps)))
                : 2;
        int n = Math.min(w.length, 21);
        for (int i = 0; i < n; i++) {
            double lo;
            double hi;
            if (i < BOUNDS.length) {
                lo = BOUNDS[i][0];
                hi = BOUNDS[i][1];
            } else if (i <= 18) {
                lo = 0;
                hi = sameDayCeiling;
            } else if (i == 19) {
                lo = shortTerm ? 0.01 : 0;
                hi = 0.8;
            } else {
                lo = 0.1;
                hi = 0.8;
            }
            w[i] = Math.max(lo, Math.min(hi, w[i]));
        }
        return w;
    }
}
