package dev.gradientdeck.review.fit;

import java.util.HashMap;
import java.util.Map;

/**
 * RMSE(bins), the calibration figure Anki shows beside log loss: items are grouped by target interval, number of later-day
 * reviews and lapses (fsrs-rs {@code r_matrix_index}); in each group the mean predicted recall is compared with the share
 * actually recalled, and the squared gaps are averaged, weighted by each group's total weight.
 */
final class RmseBins {
    private record Key(long interval, long reviews, long lapses) {}

    private static final class Bin {
        double predicted;
        double actual;
        double count;
        double weight;
    }

    private final Map<Key, Bin> bins = new HashMap<>();

    void add(ReviewItem item, double predicted, double weight) {
        Bin bin = bins.computeIfAbsent(key(item), k -> new Bin());
        bin.predicted += predicted;
        bin.actual += item.recalled();
        bin.count++;
        bin.weight += weight;
    }

    double value() {
        double sum = 0;
        double weight = 0;
        for (Bin bin : bins.values()) {
            double gap = bin.predicted / bin.count - bin.actual / bin.count;
            sum += gap * gap * bin.weight;
            weight += bin.weight;
        }
        return Math.sqrt(sum / weight);
    }

    /** The bin of an item: [interval, reviews, lapses] rounded onto geometric grids. */
    static long[] binOf(ReviewItem item) {
        Key key = key(item);
        return new long[] {key.interval(), key.reviews(), key.lapses()};
    }

    private static Key key(ReviewItem item) {
        double delta = item.targetDelta();
        long interval = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(delta) / Math.log(3.62))) * 100);
        double reviews = item.longTermReviews() + 1;
        long reviewBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(reviews) / Math.log(1.89))));
        int lapses = item.lapses();
        long lapseBin =
                lapses == 0 ? 0 : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
        return new Key(interval, reviewBin, lapseBin);
    }
}
