package dev.gradientdeck.descent;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.SGD}: plain gradient descent, heavy-ball momentum (optionally dampened) or
 * Nesterov momentum.
 *
 * <p>Momentum is torch's form, buf ← μ·buf + (1 − dampening)·g and p ← p − lr·buf, not the
 * classical v ← μ·v − lr·g and p ← p + v. With a fixed lr the two are the same iteration (v =
 * −lr·buf); they part as soon as lr changes between steps, and the reference trajectories are
 * torch's. Nesterov is torch's look-ahead form d = g + μ·buf, which needs no second gradient
 * evaluation.
 *
 * <p>Worked quantities per parameter: {@code g}; {@code g_decayed} = g + weightDecay·p when
 * weightDecay ≠ 0; with momentum {@code buf_prev} (from step 2 on: on step 1 torch sets buf = g,
 * ignoring dampening) and {@code buf}; with Nesterov {@code d}; then {@code step} = lr·d, the
 * amount subtracted, and the new {@code p}.
 */
public record Sgd(
        double lr, double momentum, double dampening, boolean nesterov, double weightDecay)
        implements Optimizer<Sgd.State> {

    /** Steps taken so far, and the momentum buffer of each parameter (unused without momentum). */
    public record State(int t, double[] buffer) {}

    public State initialState(int size) {
        return new State(0, new double[size]);
    }

    public Update<State> step(double[] params, double[] gradient, State before) {
        int t = before.t() + 1;
        double[] after = new double[params.length];
        double[] buffer = new double[params.length];
        List<List<Quantity>> working = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            List<Quantity> shown = new ArrayList<>();
            double g = gradient[i];
            shown.add(new Quantity("g", g));
            if (weightDecay != 0) {
                g = g + weightDecay * params[i];
                shown.add(new Quantity("g_decayed", g));
            }
            double d = g;
            if (momentum != 0) {
                if (t == 1) {
                    buffer[i] = g;
                } else {
                    shown.add(new Quantity("buf_prev", before.buffer()[i]));
                    buffer[i] = momentum * before.buffer()[i] + (1 - dampening) * g;
                }
                shown.add(new Quantity("buf", buffer[i]));
                d = nesterov ? g + momentum * buffer[i] : buffer[i];
                if (nesterov) {
                    shown.add(new Quantity("d", d));
                }
            }
            double step = lr * d;
            after[i] = params[i] - step;
            shown.add(new Quantity("step", step));
            shown.add(new Quantity("p", after[i]));
            working.add(List.copyOf(shown));
        }
        return new Update<>(after, new State(t, buffer), List.copyOf(working));
    }
}
