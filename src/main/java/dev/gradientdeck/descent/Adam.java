package dev.gradientdeck.descent;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.Adam} and {@code torch.optim.AdamW} (Kingma and Ba, Algorithm 1, with eps
 * added after bias-correcting √v, as torch does; Keras's "ε̂" variant differs when √v is not much
 * larger than eps).
 *
 * <p>Weight decay differs between the two: Adam adds weightDecay·p to the gradient before the
 * moments (L2), AdamW ({@code decoupled}) shrinks the parameter itself by the factor 1 −
 * lr·weightDecay before the update and leaves the gradient alone (Loshchilov and Hutter).
 *
 * <p>Worked quantities per parameter: {@code g}; {@code g_decayed} (Adam with weightDecay ≠ 0) or
 * {@code p_decayed} (AdamW with weightDecay ≠ 0); {@code m_prev}, {@code m}, {@code v_prev}, {@code
 * v}; {@code v_max} with amsgrad; {@code m_hat} = m / (1 − beta1^t), {@code v_hat} = v / (1 −
 * beta2^t) (v_max with amsgrad); {@code step}, the amount subtracted, lr·m_hat / (√v_hat + eps);
 * the new {@code p}.
 */
public record Adam(
        double lr,
        double beta1,
        double beta2,
        double eps,
        double weightDecay,
        boolean amsgrad,
        boolean decoupled)
        implements Optimizer<Adam.State> {

    /**
     * Steps taken so far and, per coordinate, the moment estimates m and v and vMax, the second
     * moment the last step divided by: the largest v so far with amsgrad, else v itself.
     */
    public record State(int t, double[] m, double[] v, double[] vMax) {}

    public State initialState(int size) {
        return new State(0, new double[size], new double[size], new double[size]);
    }

    public Update<State> step(double[] params, double[] gradient, State before) {
        int n = params.length;
        int t = before.t() + 1;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        State after = new State(t, new double[n], new double[n], new double[n]);
        double[] next = new double[n];
        List<List<Quantity>> working = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Quantity> shown = new ArrayList<>();
            double p = params[i];
            double g = gradient[i];
            shown.add(new Quantity("g", g));
            if (weightDecay != 0 && decoupled) {
                p = p * (1 - lr * weightDecay);
                shown.add(new Quantity("p_decayed", p));
            } else if (weightDecay != 0) {
                g = g + weightDecay * p;
                shown.add(new Quantity("g_decayed", g));
            }

            double m = beta1 * before.m()[i] + (1 - beta1) * g;
            double v = beta2 * before.v()[i] + (1 - beta2) * g * g;
            double vMax = amsgrad ? Math.max(before.vMax()[i], v) : v;
            double mHat = m / bc1;
            double vHat = vMax / bc2;
            // lr·m̂ / (√v̂ + ε), computed in torch's order of operations: (lr / bc1)·m / (√v / √bc2
            // + ε).
            double step = (lr / bc1) * m / (Math.sqrt(vMax) / Math.sqrt(bc2) + eps);
            next[i] = p - step;

            after.m()[i] = m;
            after.v()[i] = v;
            after.vMax()[i] = vMax;
            shown.add(new Quantity("m_prev", before.m()[i]));
            shown.add(new Quantity("m", m));
            shown.add(new Quantity("v_prev", before.v()[i]));
            shown.add(new Quantity("v", v));
            if (amsgrad) {
                shown.add(new Quantity("v_max", vMax));
            }
            shown.add(new Quantity("m_hat", mHat));
            shown.add(new Quantity("v_hat", vHat));
            shown.add(new Quantity("step", step));
            shown.add(new Quantity("p", next[i]));
            working.add(List.copyOf(shown));
        }
        return new Update<>(next, after, List.copyOf(working));
    }
}
