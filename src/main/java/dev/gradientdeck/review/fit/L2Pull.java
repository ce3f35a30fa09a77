package dev.gradientdeck.review.fit;

/**
 * The pull toward the starting weights that keeps a small history from dragging weights far from what most learners have:
 * γ·(batch / total)·Σ (w − w_init)² / σ², with σ the spread of each weight across learners (fsrs-rs PARAMS_STDDEV).
 */
final class L2Pull {
    static final double[] STDDEV = {
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31,
        0.32, 0.14, 0.27
    };

    private L2Pull() {}

    static double penalty(double[] w, double[] initial, int batch, int total, double gamma) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double delta = w[i] - initial[i];
            sum += delta * delta / (STDDEV[i] * STDDEV[i]);
        }
        return sum * gamma * batch / total;
    }

    static void addGradient(double[] w, double[] initial, int batch, int total, double gamma, double[] gradient) {
        double scale = gamma * batch / total;
        for (int i = 0; i < w.length; i++) {
            gradient[i] += 2 * (w[i] - initial[i]) / (STDDEV[i] * STDDEV[i]) * scale;
        }
    }
}
