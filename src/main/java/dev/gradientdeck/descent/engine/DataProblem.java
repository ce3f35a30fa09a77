package dev.gradientdeck.descent.engine;

import java.util.List;

/**
 * A problem fitted to rows of data, so a mini-batch step can take its loss and gradient on a subset
 * of the rows. The arrays are owned by the record and never changed.
 */
public sealed interface DataProblem extends Problem permits DataProblem.LineFit, DataProblem.Logistic {

    int rows();

    /**
     * The same problem on the given rows only (a mini-batch); an MSE or BCE is then the mean over
     * those rows.
     */
    DataProblem on(int[] rows);

    private static double[] pick(double[] column, int[] rows) {
        double[] picked = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = column[rows[i]];
        }
        return picked;
    }

    /**
     * A line w·x + b through points (x, y), scored by the sum (SSR) or the mean (MSE) of squared
     * residuals.
     */
    record LineFit(Reduction reduction, double[] x, double[] y) implements DataProblem {
        public enum Reduction {
            SUM,
            MEAN
        }

        public List<String> params() {
            return List.of("w", "b");
        }

        public int rows() {
            return x.length;
        }

        public LineFit on(int[] rows) {
            return new LineFit(reduction, pick(x, rows), pick(y, rows));
        }

        public double loss(double[] p) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double r = p[0] * x[i] + p[1] - y[i];
                sum += r * r;
            }
            return reduction == Reduction.MEAN ? sum / x.length : sum;
        }

        public double[] gradient(double[] p) {
            double dw = 0;
            double db = 0;
            for (int i = 0; i < x.length; i++) {
                double r = p[0] * x[i] + p[1] - y[i];
                dw += 2 * r * x[i];
                db += 2 * r;
            }
            return reduction == Reduction.MEAN ? new double[] {dw / x.length, db / x.length} : new double[] {dw, db};
        }
    }

    /**
     * Logistic regression z = w1·x1 + w2·x2 + b with the mean binary cross-entropy, for labels y in
     * [0, 1].
     *
     * <p>The loss is evaluated the way torch's {@code binary_cross_entropy_with_logits} does, (1 −
     * y)·z + m + log(e^−m + e^(−z−m)) with m = max(−z, 0), so a confident wrong answer gives a
     * large finite loss instead of log(0) = −∞, and the numbers agree with the reference
     * trajectories.
     */
    record Logistic(double[] x1, double[] x2, double[] y) implements DataProblem {
        public List<String> params() {
            return List.of("w1", "w2", "b");
        }

        public int rows() {
            return y.length;
        }

        public Logistic on(int[] rows) {
            return new Logistic(pick(x1, rows), pick(x2, rows), pick(y, rows));
        }

        private double logit(double[] p, int i) {
            return p[0] * x1[i] + p[1] * x2[i] + p[2];
        }

        public double loss(double[] p) {
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                double z = logit(p, i);
                double m = Math.max(-z, 0);
                sum += (1 - y[i]) * z + m + Math.log(Math.exp(-m) + Math.exp(-z - m));
            }
            return sum / y.length;
        }

        public double[] gradient(double[] p) {
            double[] g = new double[3];
            for (int i = 0; i < y.length; i++) {
                // 1 / (1 + e^−z) is safe at both ends: e^−z overflowing to ∞ gives exactly 0.
                double residual = 1 / (1 + Math.exp(-logit(p, i))) - y[i];
                g[0] += residual * x1[i];
                g[1] += residual * x2[i];
                g[2] += residual;
            }
            for (int k = 0; k < 3; k++) {
                g[k] /= y.length;
            }
            return g;
        }
    }
}
