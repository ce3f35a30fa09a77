package dev.gradientdeck.review.fit;

/**
 * Adam as fsrs-rs steps it on the host: bias-corrected moments kept in double, w -= lr·m̂/(√v̂ + ε). Written here rather than
 * shared with the descent cards' torch-exact Adam because that one lives in a feature that depends on reviewing.
 */
final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double[] m;
    private final double[] v;
    private int t;

    Adam(int size) {
        m = new double[size];
        v = new double[size];
    }

    void step(double[] w, double[] gradient, double lr) {
        t++;
        double bias1 = 1 - Math.pow(BETA1, t);
        double bias2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < w.length; i++) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
            double mHat = m[i] / bias1;
            double vHat = v[i] / bias2;
            w[i] -= lr * mHat / (Math.sqrt(vHat) + EPSILON);
        }
    }
}
