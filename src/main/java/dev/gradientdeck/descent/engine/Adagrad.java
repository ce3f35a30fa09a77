package dev.gradientdeck.descent.engine;

import static dev.gradientdeck.descent.engine.Tex.f;
import static dev.gradientdeck.descent.engine.Tex.n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code torch.optim.Adagrad}: each coordinate's step is divided by the root of its summed squared
 * gradients, so on step 1 every coordinate moves by almost exactly lr, whatever the gradient's
 * scale. eps sits outside the root; lr_t = lr / (1 + (t − 1)·lrDecay).
 */
public record Adagrad(double lr, double lrDecay, double initialAccumulatorValue, double eps, double weightDecay)
        implements Optimizer<Adagrad.State> {

    public static final List<Catalog.Entry> CATALOG = List.of(new Catalog.Entry(
            "adagrad",
            "Adagrad",
            List.of(
                    Catalog.lr(0.01),
                    new Setting("lrDecay", 0.0, "\\delta", "lr decay"),
                    new Setting("initialAccumulatorValue", 0.0, "s_0", "Initial accumulator"),
                    Catalog.eps(1e-10),
                    Catalog.weightDecay(0)),
            v -> new Adagrad(
                    v.number("lr"),
                    v.number("lrDecay"),
                    v.number("initialAccumulatorValue"),
                    v.number("eps"),
                    v.number("weightDecay"))));

    /** Steps taken so far, and each coordinate's running sum of squared gradients. */
    public record State(int t, double[] sum) {}

    /**
     * One parameter's step: the gradient (and its L2-decayed form, else null), the sum of squares
     * before and after, the decayed rate (null without lrDecay), the denominator √sum + eps, the
     * amount subtracted and the new value.
     */
    public record Work(
            Adagrad adagrad,
            int t,
            double g,
            Double decayed,
            double sumBefore,
            double sum,
            Double rate,
            double denominator,
            double step,
            double after)
            implements dev.gradientdeck.descent.engine.Work {

        public List<Line> lines(String param, double before) {
            List<Line> lines = new ArrayList<>();
            String grad = decayed == null ? "g" : "g'";
            double used = decayed == null ? g : decayed;
            if (decayed != null) {
                lines.add(Optimizer.decayed(param, g, adagrad.weightDecay(), before, decayed));
            }
            lines.add(new Line("s", "s_{\\text{prev}} + " + grad + "^2", n(sumBefore) + " + " + f(used) + "^2", sum));
            String eta = "\\eta";
            double lr = adagrad.lr();
            if (rate != null) {
                eta = "\\eta_t";
                lr = rate;
                lines.add(new Line(
                        "\\eta_t",
                        "\\frac{\\eta}{1 + (t - 1)\\,\\delta}",
                        "\\frac{" + n(adagrad.lr()) + "}{1 + " + (t - 1) + "\\cdot" + f(adagrad.lrDecay()) + "}",
                        rate));
            }
            lines.add(new Line(
                    "D", "\\sqrt{s} + \\epsilon", "\\sqrt{" + n(sum) + "} + " + f(adagrad.eps()), denominator));
            lines.add(new Line(
                    "\\Delta",
                    "\\frac{" + eta + "\\, " + grad + "}{D}",
                    "\\frac{" + n(lr) + "\\cdot" + f(used) + "}{" + n(denominator) + "}",
                    step));
            lines.add(Optimizer.update(param, param, before, step, after));
            return lines;
        }

        public List<Carried> carried() {
            return List.of(new Carried("s", sumBefore));
        }
    }

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
        List<dev.gradientdeck.descent.engine.Work> working = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            Double decayed = null;
            if (weightDecay != 0) {
                g = g + weightDecay * params[i];
                decayed = g;
            }
            sum[i] = before.sum()[i] + g * g;
            double denom = Math.sqrt(sum[i]) + eps;
            double step = lrT * g / denom;
            after[i] = params[i] - step;
            working.add(new Work(
                    this,
                    t,
                    gradient[i],
                    decayed,
                    before.sum()[i],
                    sum[i],
                    lrDecay != 0 ? lrT : null,
                    denom,
                    step,
                    after[i]));
        }
        return new Update<>(after, new State(t, sum), List.copyOf(working));
    }

    public String title() {
        return "Adagrad";
    }

    public List<String> settingsTex() {
        List<String> settings = new ArrayList<>();
        settings.add("\\eta = " + n(lr));
        settings.add("\\epsilon = " + n(eps));
        if (lrDecay != 0) {
            settings.add("\\delta = " + n(lrDecay));
        }
        if (initialAccumulatorValue != 0) {
            settings.add("s_0 = " + n(initialAccumulatorValue));
        }
        Optimizer.decay(settings, weightDecay);
        return settings;
    }

    public String rule() {
        return (weightDecay != 0 ? "g \\leftarrow g + \\lambda\\theta,\\ " : "")
                + "s \\leftarrow s + g^2,\\ \\theta \\leftarrow \\theta - \\frac{\\eta\\, g}{\\sqrt{s} + \\epsilon}";
    }
}
