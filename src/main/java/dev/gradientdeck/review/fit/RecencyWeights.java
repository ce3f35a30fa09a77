package dev.gradientdeck.review.fit;

/** Newer reviews count more: item i of n (time order) weighs 0.25 + 0.75·(i / (n − 1))³, from 0.25 up to 1 (f32, as fsrs-rs). */
final class RecencyWeights {
    private RecencyWeights() {}

    static double[] of(int n) {
        float last = Math.max(n - 1f, 1f);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            float x = i / last;
            weights[i] = 0.25f + 0.75f * (x * x * x);
        }
        return weights;
    }
}
