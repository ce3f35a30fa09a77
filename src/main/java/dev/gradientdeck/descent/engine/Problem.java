package dev.gradientdeck.descent.engine;

import java.util.List;

/**
 * A function to minimise: its parameter names, its loss at a point and the gradient there.
 *
 * <p>Gradients are written out by hand (the formulas of {@code gd/CONVENTIONS.md} section 2) so a
 * reader can check them against the page; only {@link Expression} differentiates automatically.
 * Sums run left to right, which agrees with torch's reductions to well within the 1e-9 the
 * reference comparison allows.
 */
public sealed interface Problem
        permits DataProblem, Problem.Quadratic, Problem.Bowl, Problem.Rosenbrock, Problem.Himmelblau, Expression {

    /** Parameter names, in the order of every params and gradient array. */
    List<String> params();

    double loss(double[] p);

    double[] gradient(double[] p);

    /** a·(w − c)². */
    record Quadratic(double a, double c) implements Problem {
        public List<String> params() {
            return List.of("w");
        }

        public double loss(double[] p) {
            double d = p[0] - c;
            return a * (d * d);
        }

        public double[] gradient(double[] p) {
            return new double[] {2 * a * (p[0] - c)};
        }
    }

    /** ½·(a·x² + b·y²): an axis-aligned bowl whose condition number is max(a, b) / min(a, b). */
    record Bowl(double a, double b) implements Problem {
        public List<String> params() {
            return List.of("x", "y");
        }

        public double loss(double[] p) {
            return 0.5 * (a * (p[0] * p[0]) + b * (p[1] * p[1]));
        }

        public double[] gradient(double[] p) {
            return new double[] {a * p[0], b * p[1]};
        }
    }

    /** (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1) at the end of a long curved valley. */
    record Rosenbrock() implements Problem {
        public List<String> params() {
            return List.of("x", "y");
        }

        public double loss(double[] p) {
            double x = p[0];
            double y = p[1];
            return (1 - x) * (1 - x) + 100 * ((y - x * x) * (y - x * x));
        }

        public double[] gradient(double[] p) {
            double x = p[0];
            double y = p[1];
            return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
        }
    }

    /**
     * (x² + y − 11)² + (x + y² − 7)²: four minima with loss 0, so where a run ends depends on where
     * it starts.
     */
    record Himmelblau() implements Problem {
        public List<String> params() {
            return List.of("x", "y");
        }

        public double loss(double[] p) {
            double u = p[0] * p[0] + p[1] - 11;
            double v = p[0] + p[1] * p[1] - 7;
            return u * u + v * v;
        }

        public double[] gradient(double[] p) {
            double u = p[0] * p[0] + p[1] - 11;
            double v = p[0] + p[1] * p[1] - 7;
            return new double[] {4 * p[0] * u + 2 * v, 2 * u + 4 * p[1] * v};
        }
    }
}
