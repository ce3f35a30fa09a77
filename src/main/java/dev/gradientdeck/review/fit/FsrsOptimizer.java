package dev.gradientdeck.review.fit;

import dev.gradientdeck.review.FsrsSettings;
import java.util.List;

/**
 * fsrs-rs's {@code compute_parameters}: the outlier filter, pretraining of w0-w3, the descent on all 21 weights, and the
 * first four re-smoothed at the end. Fewer than 8 training items keep the defaults; fewer than 64 (or only items with a
 * single later-day review) fit w0-w3 alone.
 */
public final class FsrsOptimizer {
    /** Training items below which the defaults are kept. */
    public static final int MINIMUM_ITEMS = 8;
    /** Training items from which all 21 weights are fitted. */
    public static final int FULL_FIT_ITEMS = 64;

    private FsrsOptimizer() {}

    /** How far a fit could go with the data it had. */
    public enum Depth {
        DEFAULTS,
        FIRST_STABILITIES,
        ALL_WEIGHTS
    }

    public record Fit(double[] weights, Depth depth, int trainingItems) {}

    public static double[] defaults() {
        return FsrsSettings.DEFAULT_WEIGHTS.stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    public static Fit fit(List<ReviewItem> items, TrainingConfig config, BatchOrder order, FitProgress progress) {
        for (ReviewItem item : items) {
            for (int i = 0; i < item.length(); i++) {
                if (item.rating(i) < 1 || item.rating(i) > 4) {
                    throw new IllegalArgumentException("item " + item + " has a rating outside 1-4");
                }
            }
        }
        OutlierFilter.Prepared prepared = OutlierFilter.prepare(items);
        List<ReviewItem> training = prepared.training();
        if (training.size() < MINIMUM_ITEMS) return new Fit(defaults(), Depth.DEFAULTS, training.size());
        Pretraining.Initial initial = Pretraining.initialStability(prepared.pretrain(), averageRecall(training));
        double[] start = defaults();
        System.arraycopy(initial.stability(), 0, start, 0, 4);
        if (training.size() == prepared.pretrain().size() || training.size() < FULL_FIT_ITEMS) {
            return new Fit(start, Depth.FIRST_STABILITIES, training.size());
        }
        if (!config.shortTerm()) {
            start[17] = 0;
            start[18] = 0;
            start[19] = 0;
        }
        double[] trained = Training.train(training, start, config, order, progress);
        double[] first = new double[5];
        System.arraycopy(trained, 0, first, 1, 4);
        System.arraycopy(Pretraining.smoothAndFill(first, initial.counts()), 0, trained, 0, 4);
        return new Fit(trained, Depth.ALL_WEIGHTS, training.size());
    }

    /** The share of items whose target was recalled, in f32 as the reference computes it. */
    static double averageRecall(List<ReviewItem> items) {
        int recalled = 0;
        for (ReviewItem item : items) recalled += item.recalled();
        return items.isEmpty() ? 0 : (float) recalled / (float) items.size();
    }
}
