package dev.gradientdeck.descent.explain;

import java.util.List;
import java.util.SplittableRandom;

/** Valid specs of every problem and optimizer with settings drawn at random, for checking worked lines. */
final class RandomSpecs {
    private RandomSpecs() {}

    private static final List<String> EXPRESSIONS = List.of(
            "(w - 3)^2 + 0.5*w*b^2",
            "w^2*b + exp(0.1*w) - log(b^2 + 1)",
            "sqrt(w^2 + 1) + sin(b) * cos(w)",
            "tanh(w - b) + sigmoid(2*w) + abs(b - 0.3)",
            "(w*b - 1)^2 / (1 + b^2)",
            "-(w - 1)^3 + 4*b",
            "2^w + w^b");

    static String draw(SplittableRandom r) {
        StringBuilder spec = new StringBuilder();
        String start;
        switch (r.nextInt(7)) {
            case 0 -> {
                spec.append("problem: quadratic\nconstants: {a: ")
                        .append(pick(r, 0.5, 1, 2, 3))
                        .append(", c: ")
                        .append(r.nextInt(-2, 4))
                        .append("}\n");
                start = "{w: " + pick(r, -2, -1, 0.5, 1, 4) + "}";
            }
            case 1 -> {
                spec.append("problem: bowl\nconstants: {a: ")
                        .append(pick(r, 1, 2, 10))
                        .append(", b: ")
                        .append(pick(r, 0.5, 1, 4))
                        .append("}\n");
                start = "{x: " + pick(r, -2, 1, 3) + ", y: " + pick(r, -1, 0.5, 2) + "}";
            }
            case 2 -> {
                spec.append("problem: rosenbrock\n");
                start = "{x: " + pick(r, -1.5, -1, 0, 0.5) + ", y: " + pick(r, -0.5, 1, 2) + "}";
            }
            case 3 -> {
                spec.append("problem: himmelblau\n");
                start = "{x: " + pick(r, -1, 0, 1, 2) + ", y: " + pick(r, -1, 0, 3) + "}";
            }
            case 4 -> {
                spec.append("problem: expression\nexpression: \"")
                        .append(EXPRESSIONS.get(r.nextInt(EXPRESSIONS.size())))
                        .append("\"\n");
                start = "{w: " + pick(r, 0.5, 1, 1.5, 2) + ", b: " + pick(r, 0.5, 1, 2) + "}";
            }
            case 5 -> {
                spec.append("problem: line-fit\nloss: ")
                        .append(r.nextBoolean() ? "mse" : "ssr")
                        .append("\ndata: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}\n");
                if (r.nextBoolean()) {
                    spec.append("batches: [[0, 1], [2, 3], [4]]\n");
                }
                start = "{w: " + pick(r, 0, 0.5, -1) + ", b: " + pick(r, 0, 1) + "}";
            }
            default -> {
                spec.append("problem: logistic\ndata: {x1: [0.5, 1, -1, 2], x2: [1, -0.5, 0.3, 1], y: [1, 0, 0, 1]}\n");
                start = "{w1: " + pick(r, 0, 0.5) + ", w2: " + pick(r, -0.5, 0, 1) + ", b: " + pick(r, 0, 0.2) + "}";
            }
        }
        spec.append("start: ").append(start).append('\n');
        spec.append("optimizer: ").append(optimizer(r)).append('\n');
        spec.append("steps: 4\n");
        return spec.toString();
    }

    private static String optimizer(SplittableRandom r) {
        String decay = r.nextInt(3) == 0 ? ", weightDecay: " + pick(r, 0.01, 0.1) : "";
        return switch (r.nextInt(7)) {
            case 0 -> "{name: sgd, lr: " + pick(r, 0.001, 0.01, 0.05) + decay + "}";
            case 1 ->
                "{name: momentum, lr: " + pick(r, 0.001, 0.01) + ", momentum: " + pick(r, 0.5, 0.9) + ", dampening: "
                        + pick(r, 0, 0.1) + decay + "}";
            case 2 -> "{name: nesterov, lr: " + pick(r, 0.001, 0.01) + ", momentum: " + pick(r, 0.5, 0.9) + decay + "}";
            case 3 ->
                "{name: adagrad, lr: " + pick(r, 0.01, 0.1, 0.5) + ", lrDecay: " + pick(r, 0, 0.1)
                        + ", initialAccumulatorValue: " + pick(r, 0, 0.1) + decay + "}";
            case 4 ->
                "{name: rmsprop, lr: " + pick(r, 0.001, 0.01) + ", alpha: " + pick(r, 0.9, 0.99) + ", momentum: "
                        + pick(r, 0, 0.5) + ", centered: " + r.nextBoolean() + decay + "}";
            case 5 ->
                "{name: adam, lr: " + pick(r, 0.001, 0.01, 0.1) + ", beta1: " + pick(r, 0.8, 0.9) + ", amsgrad: "
                        + r.nextBoolean() + decay + "}";
            default -> "{name: adamw, lr: " + pick(r, 0.001, 0.01, 0.1) + ", amsgrad: " + r.nextBoolean() + decay + "}";
        };
    }

    private static String pick(SplittableRandom r, double... values) {
        double v = values[r.nextInt(values.length)];
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
