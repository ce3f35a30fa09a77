package dev.gradientdeck.review.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How well weights predict a learner's reviews: log loss (recency-weighted binary cross-entropy, the figure the fit
 * minimises) and RMSE(bins); and the 5-fold time-series split, which asks the same of weights fitted only on the past.
 */
public final class Evaluation {
    private Evaluation() {}

    /** Lower is better for both. */
    public record Metrics(double logLoss, double rmseBins, int items) {}

    /** Weights as fsrs-rs's FSRS::new takes them: clipped with one relearning step and w19 free to reach 0. */
    static double[] usable(double[] w) {
        return Clipping.clip(w.clone(), 1, false);
    }

    /** fsrs-rs {@code evaluate}: items weighted by recency in the order given, R not clamped. */
    public static Metrics evaluate(double[] w, List<ReviewItem> items) {
        return metrics(items, predictions(w, items), RecencyWeights.of(items.size()));
    }

    /** The list the reference evaluates (and the binding splits): outliers dropped, single-review items first. */
    public static List<ReviewItem> referenceOrder(List<ReviewItem> items) {
        return OutlierFilter.referenceOrder(items);
    }

    /** Each item's predicted recall at its target with these weights. */
    public static double[] predictions(double[] w, List<ReviewItem> items) {
        return new TrainableFsrs(usable(w)).predictAll(items);
    }

    static Metrics metrics(List<ReviewItem> items, double[] predicted, double[] weights) {
        RmseBins bins = new RmseBins();
        double loss = 0;
        double weightSum = 0;
        for (int i = 0; i < items.size(); i++) {
            double y = items.get(i).recalled();
            double p = predicted[i];
            loss += (y * Math.log(p) + (1 - y) * Math.log(1 - p)) * weights[i];
            weightSum += weights[i];
            bins.add(items.get(i), p, weights[i]);
        }
        return new Metrics(-loss / weightSum, bins.value(), items.size());
    }

    /** Out-of-sample figures of weights fitted on each fold's past, beside those of fixed weights on the same reviews. */
    public record SplitComparison(Metrics fitted, Metrics fixed, int folds) {
        /** Positive when the fitted weights predict held-out reviews better than the fixed ones. */
        public double logLossGain() {
            return fixed.logLoss() - fitted.logLoss();
        }
    }

    /**
     * fsrs-rs {@code evaluate_with_time_series_splits}: the items cut into 6 segments; fold i fits on segments 0..i and
     * predicts segment i+1 (the last fold to the end); all predictions pooled with weight 1. {@code fixed} (say the weights
     * in use) predicts the same held-out items. Each fold's fit draws batch orders from a fresh {@code orders}.
     */
    public static SplitComparison timeSeriesSplit(
            List<ReviewItem> items,
            double[] fixed,
            TrainingConfig config,
            Supplier<BatchOrder> orders,
            FitProgress progress) {
        int[][] folds = folds(items.size());
        if (folds.length == 0) throw new Pretraining.NotEnoughData();
        List<ReviewItem> tested = new ArrayList<>();
        List<Double> fittedPredictions = new ArrayList<>();
        for (int[] fold : folds) {
            List<ReviewItem> past = items.subList(0, fold[0]);
            List<ReviewItem> next = items.subList(fold[0], fold[0] + fold[1]);
            double[] w = FsrsOptimizer.fit(past, config, orders.get(), progress).weights();
            for (double p : predictions(w, next)) fittedPredictions.add(p);
            tested.addAll(next);
        }
        double[] ones = new double[tested.size()];
        java.util.Arrays.fill(ones, 1);
        double[] fitted =
                fittedPredictions.stream().mapToDouble(Double::doubleValue).toArray();
        return new SplitComparison(
                metrics(tested, fitted, ones), metrics(tested, predictions(fixed, tested), ones), folds.length);
    }

    /** [past items, held-out items] of each of the 5 folds; none when there are fewer than 6 items. */
    static int[][] folds(int items) {
        int splits = 5;
        int segment = items / (splits + 1);
        if (segment == 0) return new int[0][];
        int[][] folds = new int[splits][];
        for (int i = 0; i < splits; i++) {
            int end = i == splits - 1 ? items : (i + 2) * segment;
            folds[i] = new int[] {(i + 1) * segment, end - (i + 1) * segment};
        }
        return folds;
    }
}
