package dev.gradientdeck.review.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first four weights, the stability after a first Again, Hard, Good or Easy, fitted before any descent: for each first
 * rating, the S0 whose forgetting curve (default decay) best matches the recall seen at each first interval, found by
 * ternary search; then made monotone and filled in where a rating has no data (fsrs-rs {@code parameter_initialization}).
 */
final class Pretraining {
    private Pretraining() {}

    /** The reference's defaults are f32: the same numbers widened, as its search compares against them. */
    private static final double DEFAULT_DECAY = (float) 0.1542;

    /** S0 for ratings 1-4 and the number of pretrain items behind each (index 1-4; 0 = no data). */
    record Initial(double[] stability, int[] counts) {}

    /** One row of the search: after this many days, this share recalled, over this many items. */
    record Row(double delta, double recall, double count) {}

    static final class NotEnoughData extends RuntimeException {
        NotEnoughData() {
            super("no review on a later day to fit the first stabilities from");
        }
    }

    static Initial initialStability(List<ReviewItem> pretrain, double averageRecall) {
        Map<Integer, Map<Integer, int[]>> groups = new TreeMap<>();
        for (ReviewItem item : pretrain) {
            if (item.longTermReviews() != 1) continue;
            int[] passAndCount = groups.computeIfAbsent(item.firstRating(), r -> new TreeMap<>())
                    .computeIfAbsent(item.firstLongTermDelta(), d -> new int[2]);
            passAndCount[0] += item.recalled();
            passAndCount[1]++;
        }
        double[] found = new double[5];
        java.util.Arrays.fill(found, Double.NaN);
        int[] counts = new int[5];
        for (Map.Entry<Integer, Map<Integer, int[]>> byRating : groups.entrySet()) {
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<Integer, int[]> g : byRating.getValue().entrySet()) {
                int[] pc = g.getValue();
                rows.add(new Row(g.getKey(), (double) pc[0] / pc[1], pc[1]));
                counts[byRating.getKey()] += pc[1];
            }
            found[byRating.getKey()] = search(rows, averageRecall, defaultStability(byRating.getKey()));
        }
        return new Initial(smoothAndFill(found, counts), counts);
    }

    static double defaultStability(int rating) {
        return (float) (double) dev.gradientdeck.review.FsrsSettings.DEFAULT_WEIGHTS.get(rating - 1);
    }

    /** R with the default decay, in double as the reference's search computes it. */
    static double curve(double t, double s) {
        double decay = -DEFAULT_DECAY;
        double factor = Math.pow(0.9, 1 / decay) - 1;
        return Math.pow(t / s * factor + 1, decay);
    }

    /** Σ count·BCE(recall, R(Δt, s0)) plus |s0 − default| / 16, which keeps s0 near the default when data are thin. */
    static double loss(List<Row> rows, double s0, double defaultS0) {
        double sum = 0;
        for (Row row : rows) {
            double r = curve(row.delta(), s0);
            sum += -(row.recall() * Math.log(r) + (1 - row.recall()) * Math.log(1 - r)) * row.count();
        }
        return sum + Math.abs(s0 - defaultS0) / 16;
    }

    /** Ternary search on [0.001, 100] over recall smoothed toward the average: (recall·n + average) / (n + 1). */
    static double search(List<Row> rows, double averageRecall, double defaultS0) {
        List<Row> smoothed = rows.stream()
                .map(r -> new Row(r.delta(), (r.recall() * r.count() + averageRecall) / (r.count() + 1), r.count()))
                .toList();
        double lo = TrainableFsrs.S_MIN;
        double hi = 100;
        double best = defaultS0;
        for (int round = 0; hi - lo > Math.ulp(1.0) && round < 1000; round++) {
            double m1 = lo + (hi - lo) / 3;
            double m2 = hi - (hi - lo) / 3;
            if (loss(smoothed, m1, defaultS0) < loss(smoothed, m2, defaultS0)) {
                hi = m2;
            } else {
                lo = m1;
            }
            best = (lo + hi) / 2;
        }
        return (float) best;
    }

    /**
     * Makes S0 grow with the rating (where a smaller rating has the larger S0, the better-counted of the two wins) and fills
     * ratings without data by fixed geometric interpolation; clamps to [0.001, 100]. {@code stability} and {@code counts}
     * are indexed by rating 1-4; a count of 0 or a NaN stability means no data.
     */
    static double[] smoothAndFill(double[] stability, int[] counts) {
        Double[] s = new Double[5];
        for (int r = 1; r <= 4; r++) s[r] = counts[r] > 0 && !Double.isNaN(stability[r]) ? stability[r] : null;
        int[][] pairs = {{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}};
        for (int[] pair : pairs) {
            Double small = s[pair[0]];
            Double big = s[pair[1]];
            if (small != null && big != null && small > big) {
                if (counts[pair[0]] > counts[pair[1]]) {
                    s[pair[1]] = small;
                } else {
                    s[pair[0]] = big;
                }
            }
        }
        int known = 0;
        for (int r = 1; r <= 4; r++) if (s[r] != null) known++;
        double[] filled = switch (known) {
            case 0 -> throw new NotEnoughData();
            case 1 -> scaledDefaults(s);
            default -> interpolated(s);
        };
        for (int i = 0; i < 4; i++) filled[i] = (float) TrainableFsrs.clamp(filled[i], TrainableFsrs.S_MIN, 100);
        return filled;
    }

    private static double[] scaledDefaults(Double[] s) {
        int rating = 1;
        while (s[rating] == null) rating++;
        float scale = (float) (s[rating] / defaultStability(rating));
        double[] out = new double[4];
        for (int r = 1; r <= 4; r++) out[r - 1] = (float) (defaultStability(r) * scale);
        java.util.Arrays.sort(out);
        return out;
    }

    private static double[] interpolated(Double[] s) {
        double w1 = 0.41;
        double w2 = 0.54;
        Double s1 = s[1];
        Double s2 = s[2];
        Double s3 = s[3];
        Double s4 = s[4];
        if (s1 == null && s2 == null) {
            s2 = Math.pow(s3, 1 / (1 - w2)) * Math.pow(s4, 1 - 1 / (1 - w2));
            s1 = Math.pow(s2, 1 / w1) * Math.pow(s3, 1 - 1 / w1);
        } else if (s1 == null && s3 == null) {
            s3 = Math.pow(s2, 1 - w2) * Math.pow(s4, w2);
            s1 = Math.pow(s2, 1 / w1) * Math.pow(s3, 1 - 1 / w1);
        } else if (s1 == null && s4 == null) {
            s4 = Math.pow(s2, 1 - 1 / w2) * Math.pow(s3, 1 / w2);
            s1 = Math.pow(s2, 1 / w1) * Math.pow(s3, 1 - 1 / w1);
        } else if (s2 == null && s3 == null) {
            double k = w1 + w2 - w1 * w2;
            s2 = Math.pow(s1, w1 / k) * Math.pow(s4, 1 - w1 / k);
            s3 = Math.pow(s1, 1 - w2 / k) * Math.pow(s4, w2 / k);
        } else if (s2 == null && s4 == null) {
            s2 = Math.pow(s1, w1) * Math.pow(s3, 1 - w1);
            s4 = Math.pow(s2, 1 - 1 / w2) * Math.pow(s3, 1 / w2);
        } else if (s3 == null && s4 == null) {
            s3 = Math.pow(s1, 1 - 1 / (1 - w1)) * Math.pow(s2, 1 / (1 - w1));
            s4 = Math.pow(s2, 1 - 1 / w2) * Math.pow(s3, 1 / w2);
        } else if (s1 == null) {
            s1 = Math.pow(s2, 1 / w1) * Math.pow(s3, 1 - 1 / w1);
        } else if (s2 == null) {
            s2 = Math.pow(s1, w1) * Math.pow(s3, 1 - w1);
        } else if (s3 == null) {
            s3 = Math.pow(s2, 1 - w2) * Math.pow(s4, w2);
        } else if (s4 == null) {
            s4 = Math.pow(s2, 1 - 1 / w2) * Math.pow(s3, 1 / w2);
        }
        return new double[] {(float) (double) s1, (float) (double) s2, (float) (double) s3, (float) (double) s4};
    }
}
