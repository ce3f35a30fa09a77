package dev.gradientdeck.review.fit;

import java.util.List;

/**
 * Everything a finished fit says to the learner: how far it could go, the weights, how the loss fell, how the new weights
 * compare with the ones in use and with the defaults (on the whole log, and out of sample), and what they mean.
 */
public record FitReport(
        FsrsOptimizer.Depth depth,
        int reviews,
        int items,
        int trainingItems,
        double[] weights,
        List<double[]> lossCurve,
        List<Double> epochLosses,
        Figures figures,
        boolean proposed,
        String verdict,
        List<ForgettingCurve> curves,
        List<CalibrationBin> calibration,
        double stabilityRatio) {

    /** Log loss and RMSE(bins) of the defaults, the weights in use and the new ones; null where not measurable. */
    public record Figures(
            Evaluation.Metrics defaults,
            Evaluation.Metrics current,
            Evaluation.Metrics fitted,
            Evaluation.Metrics heldOutCurrent,
            Evaluation.Metrics heldOutFitted) {}

    /** Recall after a first rating: the curve of the new weights, the defaults' curve, and what the learner actually did. */
    public record ForgettingCurve(
            int firstRating,
            double stability,
            double defaultStability,
            List<double[]> fitted,
            List<double[]> defaults,
            List<Observed> observed) {}

    /** The share recalled of the items whose only later-day review came {@code days} after this first rating. */
    public record Observed(int days, double recalled, int count) {}

    /** Items whose predicted recall fell in [from, to): mean prediction and actual share recalled, new weights and defaults. */
    public record CalibrationBin(
            double from,
            double to,
            int count,
            double predicted,
            double actual,
            double defaultPredicted,
            double defaultActual,
            int defaultCount) {}
}
