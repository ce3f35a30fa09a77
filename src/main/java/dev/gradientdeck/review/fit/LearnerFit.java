package dev.gradientdeck.review.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fit of one learner's log, end to end: items, the optimizer, the comparison with the weights in use (proposed only when
 * the new weights predict held-out reviews better, by the 5-fold time-series split), and what the result means.
 */
public final class LearnerFit {
    private LearnerFit() {}

    /** Where a running fit is: the descent itself, then the check on held-out reviews (fold 1-5). */
    public interface Progress extends FitProgress {
        default void checking(int fold, int folds) {}
    }

    public static FitReport run(
            List<ReviewItem> items, int reviews, double[] current, TrainingConfig config, Progress progress) {
        List<double[]> lossCurve = new ArrayList<>();
        List<Double> epochLosses = new ArrayList<>();
        FitProgress recording = new FitProgress() {
            @Override
            public void step(int epoch, int step, int steps, double batchLoss, double[] weights) {
                lossCurve.add(new double[] {step, batchLoss});
                progress.step(epoch, step, steps, batchLoss, weights);
            }

            @Override
            public void epoch(int epoch, double loss, double[] weights) {
                epochLosses.add(loss);
                progress.epoch(epoch, loss, weights);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
        FsrsOptimizer.Fit fit = FsrsOptimizer.fit(items, config, BatchOrder.shuffled(config.seed()), recording);
        double[] defaults = FsrsOptimizer.defaults();
        List<ReviewItem> evaluated = Evaluation.referenceOrder(items);
        Evaluation.Metrics atDefaults = evaluated.isEmpty() ? null : Evaluation.evaluate(defaults, evaluated);
        Evaluation.Metrics atCurrent = evaluated.isEmpty() ? null : Evaluation.evaluate(current, evaluated);
        Evaluation.Metrics atFitted = evaluated.isEmpty() ? null : Evaluation.evaluate(fit.weights(), evaluated);
        Evaluation.SplitComparison split = null;
        String verdict;
        if (fit.depth() == FsrsOptimizer.Depth.DEFAULTS) {
            verdict = "Too few reviews on later days to fit anything yet; the defaults stay.";
        } else {
            try {
                int[] fold = {0};
                FitProgress checking = new FitProgress() {
                    @Override
                    public boolean cancelled() {
                        return progress.cancelled();
                    }
                };
                split = Evaluation.timeSeriesSplit(
                        items,
                        current,
                        config,
                        () -> {
                            progress.checking(++fold[0], 5);
                            return BatchOrder.shuffled(config.seed());
                        },
                        checking);
                verdict = split.logLossGain() > 0
                        ? "Fitted on your past reviews, the new weights predicted your later reviews better than the weights in use."
                        : "Fitted on your past reviews, the new weights predicted your later reviews no better than the weights in use, so they are not proposed.";
            } catch (Pretraining.NotEnoughData e) {
                verdict =
                        "Too few reviews to test new weights on reviews they were not fitted on; the weights in use stay.";
            }
        }
        boolean proposed = split != null && split.logLossGain() > 0;
        FitReport.Figures figures = new FitReport.Figures(
                atDefaults,
                atCurrent,
                atFitted,
                split == null ? null : split.fixed(),
                split == null ? null : split.fitted());
        return new FitReport(
                fit.depth(),
                reviews,
                items.size(),
                fit.trainingItems(),
                fit.weights(),
                lossCurve,
                epochLosses,
                figures,
                proposed,
                verdict,
                forgettingCurves(items, fit.weights()),
                calibration(items, fit.weights()),
                stabilityRatio(items, fit.weights(), defaults));
    }

    /** Per first rating: R(t) over the first weeks for the new weights and the defaults, and the learner's own recall. */
    static List<FitReport.ForgettingCurve> forgettingCurves(List<ReviewItem> items, double[] w) {
        Map<Integer, Map<Integer, int[]>> seen = new TreeMap<>();
        for (ReviewItem item : items) {
            if (item.longTermReviews() != 1) continue;
            int[] counts = seen.computeIfAbsent(item.firstRating(), r -> new TreeMap<>())
                    .computeIfAbsent(item.firstLongTermDelta(), d -> new int[2]);
            counts[0] += item.recalled();
            counts[1]++;
        }
        double[] defaults = FsrsOptimizer.defaults();
        TrainableFsrs fitted = new TrainableFsrs(Evaluation.usable(w));
        TrainableFsrs standard = new TrainableFsrs(defaults);
        List<FitReport.ForgettingCurve> curves = new ArrayList<>();
        for (int rating = 1; rating <= 4; rating++) {
            List<FitReport.Observed> observed = new ArrayList<>();
            seen.getOrDefault(rating, Map.of())
                    .forEach((days, c) -> observed.add(new FitReport.Observed(days, (double) c[0] / c[1], c[1])));
            int horizon = 30;
            for (FitReport.Observed o : observed)
                if (o.count() >= 3) horizon = Math.max(horizon, Math.min(100, o.days()));
            List<double[]> mine = new ArrayList<>();
            List<double[]> theirs = new ArrayList<>();
            for (int t = 0; t <= horizon; t++) {
                mine.add(new double[] {t, fitted.retrievability(t, Math.max(w[rating - 1], TrainableFsrs.S_MIN))});
                theirs.add(new double[] {t, standard.retrievability(t, defaults[rating - 1])});
            }
            curves.add(
                    new FitReport.ForgettingCurve(rating, w[rating - 1], defaults[rating - 1], mine, theirs, observed));
        }
        return curves;
    }

    /** Ten bins of predicted recall, each with the share actually recalled, for the new weights and the defaults. */
    static List<FitReport.CalibrationBin> calibration(List<ReviewItem> items, double[] w) {
        double[] mine = Evaluation.predictions(w, items);
        double[] theirs = Evaluation.predictions(FsrsOptimizer.defaults(), items);
        double[][] sums = new double[10][6];
        for (int i = 0; i < items.size(); i++) {
            int y = items.get(i).recalled();
            double[] a = sums[Math.min(9, (int) (mine[i] * 10))];
            a[0]++;
            a[1] += mine[i];
            a[2] += y;
            double[] b = sums[Math.min(9, (int) (theirs[i] * 10))];
            b[3]++;
            b[4] += theirs[i];
            b[5] += y;
        }
        List<FitReport.CalibrationBin> bins = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            double[] s = sums[k];
            bins.add(new FitReport.CalibrationBin(
                    k / 10.0,
                    (k + 1) / 10.0,
                    (int) s[0],
                    s[0] == 0 ? Double.NaN : s[1] / s[0],
                    s[0] == 0 ? Double.NaN : s[2] / s[0],
                    s[3] == 0 ? Double.NaN : s[4] / s[3],
                    s[3] == 0 ? Double.NaN : s[5] / s[3],
                    (int) s[3]));
        }
        return bins;
    }

    /**
     * How much longer memories last under the new weights than the defaults assume: the geometric mean, over the learner's
     * items, of the stability each predicts before the target review.
     */
    static double stabilityRatio(List<ReviewItem> items, double[] w, double[] defaults) {
        if (items.isEmpty()) return 1;
        TrainableFsrs fitted = new TrainableFsrs(Evaluation.usable(w));
        TrainableFsrs standard = new TrainableFsrs(defaults);
        double logSum = 0;
        for (ReviewItem item : items) {
            ReviewItem history = new ReviewItem(ratings(item), deltas(item), item.length() - 1);
            logSum += Math.log(fitted.memoryAfter(history)[0] / standard.memoryAfter(history)[0]);
        }
        return Math.exp(logSum / items.size());
    }

    private static int[] ratings(ReviewItem item) {
        int[] r = new int[item.length()];
        for (int i = 0; i < r.length; i++) r[i] = item.rating(i);
        return r;
    }

    private static int[] deltas(ReviewItem item) {
        int[] d = new int[item.length()];
        for (int i = 0; i < d.length; i++) d[i] = item.delta(i);
        return d;
    }
}
