package dev.gradientdeck.descent.engine;

import static dev.gradientdeck.descent.engine.Tex.f;
import static dev.gradientdeck.descent.engine.Tex.n;

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
 */
public record Adam(
        double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean decoupled)
        implements Optimizer<Adam.State> {

    public static final List<Catalog.Entry> CATALOG =
            List.of(entry("adam", "Adam", 0, false), entry("adamw", "AdamW", 0.01, true));

    private static Catalog.Entry entry(String name, String title, double decay, boolean decoupled) {
        return new Catalog.Entry(
                name,
                title,
                List.of(
                        Catalog.lr(1e-3),
                        new Setting("beta1", 0.9, "\\beta_1", "β₁"),
                        new Setting("beta2", 0.999, "\\beta_2", "β₂"),
                        Catalog.eps(1e-8),
                        Catalog.weightDecay(decay),
                        new Setting("amsgrad", false, "", "AMSGrad")),
                v -> new Adam(
                        v.number("lr"),
                        v.number("beta1"),
                        v.number("beta2"),
                        v.number("eps"),
                        v.number("weightDecay"),
                        v.on("amsgrad"),
                        decoupled));
    }

    /**
     * Steps taken so far and, per coordinate, the moment estimates m and v and vMax, the second
     * moment the last step divided by: the largest v so far with amsgrad, else v itself.
     */
    public record State(int t, double[] m, double[] v, double[] vMax) {}

    /**
     * One parameter's step: the gradient; Adam's L2-decayed gradient or AdamW's decayed parameter
     * (else null); m and v before and after; with amsgrad the running maximum of v (else null); the
     * bias-corrected m̂ and v̂; the amount subtracted and the new value.
     */
    public record Work(
            Adam adam,
            int t,
            double g,
            Double decayedGradient,
            Double decayedParam,
            double mBefore,
            double m,
            double vBefore,
            double v,
            Double vMax,
            double mHat,
            double vHat,
            double step,
            double after)
            implements dev.gradientdeck.descent.engine.Work {

        public List<Line> lines(String param, double before) {
            List<Line> lines = new ArrayList<>();
            String grad = decayedGradient == null ? "g" : "g'";
            double used = decayedGradient == null ? g : decayedGradient;
            if (decayedGradient != null) {
                lines.add(Optimizer.decayed(param, g, adam.weightDecay(), before, decayedGradient));
            }
            double start = before;
            String from = param;
            if (decayedParam != null) {
                start = decayedParam;
                from = param + "'";
                lines.add(new Line(
                        param + "'",
                        param + "\\,(1 - \\eta\\lambda)",
                        f(before) + "\\cdot(1 - " + f(adam.lr()) + "\\cdot" + f(adam.weightDecay()) + ")",
                        decayedParam,
                        "AdamW's decoupled decay"));
            }
            lines.add(new Line(
                    "m",
                    "\\beta_1 m_{\\text{prev}} + (1 - \\beta_1)\\, " + grad,
                    f(adam.beta1()) + "\\cdot" + f(mBefore) + " + " + f(1 - adam.beta1()) + "\\cdot" + f(used),
                    m));
            lines.add(new Line(
                    "v",
                    "\\beta_2 v_{\\text{prev}} + (1 - \\beta_2)\\, " + grad + "^2",
                    f(adam.beta2()) + "\\cdot" + f(vBefore) + " + " + f(1 - adam.beta2()) + "\\cdot" + f(used) + "^2",
                    v));
            String second = "v";
            double secondValue = v;
            if (vMax != null) {
                second = "v_{\\max}";
                secondValue = vMax;
                lines.add(new Line("v_{\\max}", "\\max(v_{\\max,\\text{prev}}, v)", "", vMax));
            }
            lines.add(new Line(
                    "\\hat m",
                    "\\frac{m}{1 - \\beta_1^{\\,t}}",
                    "\\frac{" + n(m) + "}{1 - " + f(adam.beta1()) + "^{" + t + "}}",
                    mHat));
            lines.add(new Line(
                    "\\hat v",
                    "\\frac{" + second + "}{1 - \\beta_2^{\\,t}}",
                    "\\frac{" + n(secondValue) + "}{1 - " + f(adam.beta2()) + "^{" + t + "}}",
                    vHat));
            lines.add(new Line(
                    "\\Delta",
                    "\\frac{\\eta\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon}",
                    "\\frac{" + n(adam.lr()) + "\\cdot" + f(mHat) + "}{\\sqrt{" + n(vHat) + "} + " + f(adam.eps())
                            + "}",
                    step));
            lines.add(Optimizer.update(param, from, start, step, after));
            return lines;
        }

        public List<Carried> carried() {
            return List.of(new Carried("m", mBefore), new Carried("v", vBefore));
        }
    }

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
        List<dev.gradientdeck.descent.engine.Work> working = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = params[i];
            double g = gradient[i];
            Double decayedParam = null;
            Double decayedGradient = null;
            if (weightDecay != 0 && decoupled) {
                p = p * (1 - lr * weightDecay);
                decayedParam = p;
            } else if (weightDecay != 0) {
                g = g + weightDecay * p;
                decayedGradient = g;
            }
            double m = beta1 * before.m()[i] + (1 - beta1) * g;
            double v = beta2 * before.v()[i] + (1 - beta2) * g * g;
            double vMax = amsgrad ? Math.max(before.vMax()[i], v) : v;
            // lr·m̂ / (√v̂ + ε), computed in torch's order of operations: (lr / bc1)·m / (√v / √bc2
            // + ε).
            double step = (lr / bc1) * m / (Math.sqrt(vMax) / Math.sqrt(bc2) + eps);
            next[i] = p - step;
            after.m()[i] = m;
            after.v()[i] = v;
            after.vMax()[i] = vMax;
            working.add(new Work(
                    this,
                    t,
                    gradient[i],
                    decayedGradient,
                    decayedParam,
                    before.m()[i],
                    m,
                    before.v()[i],
                    v,
                    amsgrad ? vMax : null,
                    m / bc1,
                    vMax / bc2,
                    step,
                    next[i]));
        }
        return new Update<>(next, after, List.copyOf(working));
    }

    public String title() {
        return (decoupled ? "AdamW" : "Adam") + (amsgrad ? " (AMSGrad)" : "");
    }

    public List<String> settingsTex() {
        List<String> settings = new ArrayList<>();
        settings.add("\\eta = " + n(lr));
        settings.add("\\beta_1 = " + n(beta1));
        settings.add("\\beta_2 = " + n(beta2));
        settings.add("\\epsilon = " + n(eps));
        Optimizer.decay(settings, weightDecay);
        return settings;
    }

    public String rule() {
        String decay = weightDecay == 0
                ? ""
                : decoupled
                        ? "\\theta \\leftarrow \\theta\\,(1 - \\eta\\lambda),\\ "
                        : "g \\leftarrow g + \\lambda\\theta,\\ ";
        return decay
                + "m \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g,\\ v \\leftarrow \\beta_2 v + (1 - \\beta_2)\\, g^2,\\ "
                + "\\theta \\leftarrow \\theta - \\frac{\\eta\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon}";
    }
}
