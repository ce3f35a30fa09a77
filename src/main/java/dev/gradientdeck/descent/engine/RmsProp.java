package dev.gradientdeck.descent.engine;

import static dev.gradientdeck.descent.engine.Tex.f;
import static dev.gradientdeck.descent.engine.Tex.n;

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
 */
public record RmsProp(double lr, double alpha, double eps, double momentum, boolean centered, double weightDecay)
        implements Optimizer<RmsProp.State> {

    public static final List<Catalog.Entry> CATALOG = List.of(new Catalog.Entry(
            "rmsprop",
            "RMSprop",
            List.of(
                    Catalog.lr(0.01),
                    new Setting("alpha", 0.99, "\\alpha", "Smoothing α"),
                    Catalog.eps(1e-8),
                    Catalog.momentum(0),
                    new Setting("centered", false, "", "centered"),
                    Catalog.weightDecay(0)),
            v -> new RmsProp(
                    v.number("lr"),
                    v.number("alpha"),
                    v.number("eps"),
                    v.number("momentum"),
                    v.on("centered"),
                    v.number("weightDecay"))));

    /**
     * Steps taken so far; per coordinate the average of g², the average of g (centered) and the
     * momentum buffer.
     */
    public record State(int t, double[] squareAvg, double[] gradAvg, double[] buffer) {}

    /**
     * One parameter's step: the gradient (L2-decayed form, else null), the average of g² before and
     * after, when centered the average of g before and after (else null), the denominator, with
     * momentum the buffer before and after (else null), the amount subtracted and the new value.
     */
    public record Work(
            RmsProp rms,
            double g,
            Double decayed,
            double squareBefore,
            double square,
            Double meanBefore,
            Double mean,
            double denominator,
            Double bufferBefore,
            Double buffer,
            double step,
            double after)
            implements dev.gradientdeck.descent.engine.Work {

        public List<Line> lines(String param, double before) {
            List<Line> lines = new ArrayList<>();
            String grad = decayed == null ? "g" : "g'";
            double used = decayed == null ? g : decayed;
            if (decayed != null) {
                lines.add(Optimizer.decayed(param, g, rms.weightDecay(), before, decayed));
            }
            lines.add(new Line(
                    "v",
                    "\\alpha\\, v_{\\text{prev}} + (1 - \\alpha)\\, " + grad + "^2",
                    f(rms.alpha()) + "\\cdot" + f(squareBefore) + " + " + f(1 - rms.alpha()) + "\\cdot" + f(used)
                            + "^2",
                    square));
            if (mean != null) {
                lines.add(new Line(
                        "\\bar g",
                        "\\alpha\\, \\bar g_{\\text{prev}} + (1 - \\alpha)\\, " + grad,
                        f(rms.alpha()) + "\\cdot" + f(meanBefore) + " + " + f(1 - rms.alpha()) + "\\cdot" + f(used),
                        mean));
                lines.add(new Line(
                        "D",
                        "\\sqrt{v - \\bar g^2} + \\epsilon",
                        "\\sqrt{" + n(square) + " - " + f(mean) + "^2} + " + f(rms.eps()),
                        denominator));
            } else {
                lines.add(new Line(
                        "D", "\\sqrt{v} + \\epsilon", "\\sqrt{" + n(square) + "} + " + f(rms.eps()), denominator));
            }
            if (buffer != null) {
                lines.add(new Line(
                        "b",
                        "\\mu\\, b_{\\text{prev}} + " + grad + "/D",
                        f(rms.momentum()) + "\\cdot" + f(bufferBefore) + " + " + f(used) + "/" + f(denominator),
                        buffer));
                lines.add(new Line("\\Delta", "\\eta\\, b", f(rms.lr()) + "\\cdot" + f(buffer), step));
            } else {
                lines.add(new Line(
                        "\\Delta",
                        "\\eta\\, " + grad + "/D",
                        f(rms.lr()) + "\\cdot" + f(used) + "/" + f(denominator),
                        step));
            }
            lines.add(Optimizer.update(param, param, before, step, after));
            return lines;
        }

        public List<Carried> carried() {
            List<Carried> carried = new ArrayList<>(List.of(new Carried("v", squareBefore)));
            if (meanBefore != null) {
                carried.add(new Carried("\\bar g", meanBefore));
            }
            if (bufferBefore != null) {
                carried.add(new Carried("b", bufferBefore));
            }
            return carried;
        }
    }

    public State initialState(int size) {
        return new State(0, new double[size], new double[size], new double[size]);
    }

    public Update<State> step(double[] params, double[] gradient, State before) {
        int n = params.length;
        double[] after = new double[n];
        double[] squareAvg = new double[n];
        double[] gradAvg = new double[n];
        double[] buffer = new double[n];
        List<dev.gradientdeck.descent.engine.Work> working = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double g = gradient[i];
            Double decayed = null;
            if (weightDecay != 0) {
                g = g + weightDecay * params[i];
                decayed = g;
            }
            squareAvg[i] = alpha * before.squareAvg()[i] + (1 - alpha) * g * g;
            double denom;
            if (centered) {
                gradAvg[i] = alpha * before.gradAvg()[i] + (1 - alpha) * g;
                denom = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
            } else {
                denom = Math.sqrt(squareAvg[i]) + eps;
            }
            double step;
            if (momentum > 0) {
                buffer[i] = momentum * before.buffer()[i] + g / denom;
                step = lr * buffer[i];
            } else {
                step = lr * g / denom;
            }
            after[i] = params[i] - step;
            working.add(new Work(
                    this,
                    gradient[i],
                    decayed,
                    before.squareAvg()[i],
                    squareAvg[i],
                    centered ? before.gradAvg()[i] : null,
                    centered ? gradAvg[i] : null,
                    denom,
                    momentum > 0 ? before.buffer()[i] : null,
                    momentum > 0 ? buffer[i] : null,
                    step,
                    after[i]));
        }
        return new Update<>(after, new State(before.t() + 1, squareAvg, gradAvg, buffer), List.copyOf(working));
    }

    public String title() {
        return centered ? "RMSprop (centered)" : "RMSprop";
    }

    public List<String> settingsTex() {
        List<String> settings = new ArrayList<>();
        settings.add("\\eta = " + n(lr));
        settings.add("\\alpha = " + n(alpha));
        settings.add("\\epsilon = " + n(eps));
        if (momentum > 0) {
            settings.add("\\mu = " + n(momentum));
        }
        Optimizer.decay(settings, weightDecay);
        return settings;
    }

    public String rule() {
        return (weightDecay != 0 ? "g \\leftarrow g + \\lambda\\theta,\\ " : "")
                + "v \\leftarrow \\alpha v + (1 - \\alpha)\\, g^2,\\ \\theta \\leftarrow \\theta - "
                + (momentum > 0
                        ? "\\eta\\, b,\\ b \\leftarrow \\mu b + \\frac{g}{\\sqrt{v} + \\epsilon}"
                        : "\\frac{\\eta\\, g}{\\sqrt{v} + \\epsilon}");
    }
}
