package dev.gradientdeck.descent;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.RMSprop}: each step is divided by the root of a running average of squared
 * gradients.
 *
 * <p>There is no bias correction and the average starts at 0, so the first step is about lr·g /
 * (√(1 − alpha)·|g|), ten times lr at the default alpha 0.99. eps sits outside the root; alpha
 * defaults to torch's 0.99, not Keras's 0.9. The momentum buffer starts at 0 (unlike SGD's, which
 * starts at g).
 *
 * <p>Worked quantities per parameter: {@code g}; {@code g_decayed} = g + weightDecay·p when
 * weightDecay ≠ 0; {@code v_prev}, {@code v} (the average of g²); when centered {@code g_avg_prev},
 * {@code g_avg}; {@code denom} = √v + eps (centered: √(v − g_avg²) + eps); with momentum {@code
 * buf_prev}, {@code buf}; {@code step}, the amount subtracted; the new {@code p}.
 */
public record RmsProp(
        double lr, double alpha, double eps, double momentum, boolean centered, double weightDecay)
        implements Optimizer<RmsProp.State> {

    /**
     * Steps taken so far; per coordinate the average of g², the average of g (centered) and the
     * momentum buffer.
     */
    public record State(int t, double[] squareAvg, double[] gradAvg, double[] buffer) {}

    public State initialState(int size) {
        return new State(0, new double[size], new double[size], new double[size]);
    }

    public Update<State> step(double[] params, double[] gradient, State before) {
        int n = params.length;
        double[] after = new double[n];
        double[] squareAvg = new double[n];
        double[] gradAvg = new double[n];
        double[] buffer = new double[n];
        List<List<Quantity>> working = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Quantity> shown = new ArrayList<>();
            double g = gradient[i];
            shown.add(new Quantity("g", g));
            if (weightDecay != 0) {
                g = g + weightDecay * params[i];
                shown.add(new Quantity("g_decayed", g));
            }
            squareAvg[i] = alpha * before.squareAvg()[i] + (1 - alpha) * g * g;
            shown.add(new Quantity("v_prev", before.squareAvg()[i]));
            shown.add(new Quantity("v", squareAvg[i]));
            double denom;
            if (centered) {
                gradAvg[i] = alpha * before.gradAvg()[i] + (1 - alpha) * g;
                denom = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
                shown.add(new Quantity("g_avg_prev", before.gradAvg()[i]));
                shown.add(new Quantity("g_avg", gradAvg[i]));
            } else {
                denom = Math.sqrt(squareAvg[i]) + eps;
            }
            shown.add(new Quantity("denom", denom));
            double step;
            if (momentum > 0) {
                buffer[i] = momentum * before.buffer()[i] + g / denom;
                step = lr * buffer[i];
                shown.add(new Quantity("buf_prev", before.buffer()[i]));
                shown.add(new Quantity("buf", buffer[i]));
            } else {
                step = lr * g / denom;
            }
            after[i] = params[i] - step;
            shown.add(new Quantity("step", step));
            shown.add(new Quantity("p", after[i]));
            working.add(List.copyOf(shown));
        }
        return new Update<>(
                after, new State(before.t() + 1, squareAvg, gradAvg, buffer), List.copyOf(working));
    }
}
