package dev.gradientdeck.descent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code torch.optim.Adagrad}: each coordinate's step is divided by the root of its summed squared
 * gradients, so on step 1 every coordinate moves by almost exactly lr, whatever the gradient's
 * scale. eps sits outside the root.
 *
 * <p>Worked quantities per parameter: {@code g}; {@code g_decayed} = g + weightDecay·p when
 * weightDecay ≠ 0; {@code sum_prev}, {@code sum}; {@code lr_t} = lr / (1 + (t − 1)·lrDecay) when
 * lrDecay ≠ 0; {@code denom} = √sum + eps; {@code step} = lr_t·g / denom; the new {@code p}.
 */
public record Adagrad(
        double lr, double lrDecay, double initialAccumulatorValue, double eps, double weightDecay)
        implements Optimizer<Adagrad.State> {

    /** Steps taken so far, and each coordinate's running sum of squared gradients. */
    public record State(int t, double[] sum) {}

    public State initialState(int size) {
        double[] sum = new double[size];
        Arrays.fill(sum, initialAccumulatorValue);
        return new State(0, sum);
    }

    public Update<State> step(double[] params, double[] gradient, State before) {
        int t = before.t() + 1;
        double lrT = lr / (1 + (t - 1) * lrDecay);
        double[] after = new double[params.length];
        double[] sum = new double[params.length];
        List<List<Quantity>> working = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            List<Quantity> shown = new ArrayList<>();
            double g = gradient[i];
            shown.add(new Quantity("g", g));
            if (weightDecay != 0) {
                g = g + weightDecay * params[i];
                shown.add(new Quantity("g_decayed", g));
            }
            sum[i] = before.sum()[i] + g * g;
            double denom = Math.sqrt(sum[i]) + eps;
            double step = lrT * g / denom;
            after[i] = params[i] - step;
            shown.add(new Quantity("sum_prev", before.sum()[i]));
            shown.add(new Quantity("sum", sum[i]));
            if (lrDecay != 0) {
                shown.add(new Quantity("lr_t", lrT));
            }
            shown.add(new Quantity("denom", denom));
            shown.add(new Quantity("step", step));
            shown.add(new Quantity("p", after[i]));
            working.add(List.copyOf(shown));
        }
        return new Update<>(after, new State(t, sum), List.copyOf(working));
    }
}
