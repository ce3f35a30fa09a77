package dev.gradientdeck.descent.engine;

import static dev.gradientdeck.descent.engine.Tex.f;
import static dev.gradientdeck.descent.engine.Tex.n;

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
 * evaluation. On step 1 torch sets buf = g, ignoring dampening.
 */
public record Sgd(String name, double lr, double momentum, double dampening, boolean nesterov, double weightDecay)
        implements Optimizer<Sgd.State> {

    public static final List<Catalog.Entry> CATALOG = List.of(
            new Catalog.Entry(
                    "sgd",
                    "SGD",
                    List.of(Catalog.lr(null), Catalog.weightDecay(0)),
                    v -> new Sgd("sgd", v.number("lr"), 0, 0, false, v.number("weightDecay"))),
            new Catalog.Entry(
                    "momentum",
                    "SGD with momentum",
                    List.of(
                            Catalog.lr(null),
                            Catalog.momentum(0.9),
                            new Setting("dampening", 0.0, "\\tau", "Dampening τ"),
                            Catalog.weightDecay(0)),
                    v -> new Sgd(
                            "momentum",
                            v.number("lr"),
                            v.number("momentum"),
                            v.number("dampening"),
                            false,
                            v.number("weightDecay"))),
            new Catalog.Entry(
                    "nesterov",
                    "SGD with Nesterov momentum",
                    List.of(Catalog.lr(null), Catalog.momentum(0.9), Catalog.weightDecay(0)),
                    v -> {
                        if (v.number("momentum") <= 0) {
                            throw SpecException.at(
                                    List.of("optimizer", "momentum"), "nesterov needs a momentum above 0");
                        }
                        return new Sgd(
                                "nesterov", v.number("lr"), v.number("momentum"), 0, true, v.number("weightDecay"));
                    }));

    /** Steps taken so far, and the momentum buffer of each parameter (unused without momentum). */
    public record State(int t, double[] buffer) {}

    /**
     * One parameter's step: the gradient, with L2 decay {@code decayed} (else null), with momentum
     * the buffer before (null on step 1 and without momentum) and after, with Nesterov the
     * direction d; the amount subtracted and the new value.
     */
    public record Work(
            Sgd sgd,
            double g,
            Double decayed,
            Double bufferBefore,
            Double buffer,
            Double direction,
            double step,
            double after)
            implements dev.gradientdeck.descent.engine.Work {

        public List<Line> lines(String param, double before) {
            List<Line> lines = new ArrayList<>();
            String grad = decayed == null ? "g" : "g'";
            double used = decayed == null ? g : decayed;
            if (decayed != null) {
                lines.add(Optimizer.decayed(param, g, sgd.weightDecay(), before, decayed));
            }
            String along = grad;
            double alongValue = used;
            if (buffer != null) {
                if (bufferBefore == null) {
                    lines.add(new Line("b", grad, n(used), buffer, "on step 1 the buffer starts at the gradient"));
                } else {
                    boolean damped = sgd.dampening() != 0;
                    lines.add(new Line(
                            "b",
                            "\\mu\\, b_{\\text{prev}} + " + (damped ? "(1 - \\tau)\\," : "") + grad,
                            f(sgd.momentum())
                                    + "\\cdot"
                                    + f(bufferBefore)
                                    + " + "
                                    + (damped ? f(1 - sgd.dampening()) + "\\cdot" : "")
                                    + f(used),
                            buffer));
                }
                along = "b";
                alongValue = buffer;
                if (direction != null) {
                    lines.add(new Line(
                            "d",
                            grad + " + \\mu\\, b",
                            n(used) + " + " + f(sgd.momentum()) + "\\cdot" + f(buffer),
                            direction,
                            "Nesterov's look-ahead"));
                    along = "d";
                    alongValue = direction;
                }
            }
            lines.add(new Line("\\Delta", "\\eta\\, " + along, f(sgd.lr()) + "\\cdot" + f(alongValue), step));
            lines.add(Optimizer.update(param, param, before, step, after));
            return lines;
        }

        public List<Carried> carried() {
            return bufferBefore == null ? List.of() : List.of(new Carried("b", bufferBefore));
        }
    }

    public State initialState(int size) {
        return new State(0, new double[size]);
    }

    public Update<State> step(double[] params, double[] gradient, State before) {
        int t = before.t() + 1;
        double[] after = new double[params.length];
        double[] buffer = new double[params.length];
        List<dev.gradientdeck.descent.engine.Work> working = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            Double decayed = null;
            if (weightDecay != 0) {
                g = g + weightDecay * params[i];
                decayed = g;
            }
            double d = g;
            Double bufferBefore = null;
            Double direction = null;
            if (momentum != 0) {
                if (t == 1) {
                    buffer[i] = g;
                } else {
                    bufferBefore = before.buffer()[i];
                    buffer[i] = momentum * before.buffer()[i] + (1 - dampening) * g;
                }
                d = nesterov ? g + momentum * buffer[i] : buffer[i];
                if (nesterov) {
                    direction = d;
                }
            }
            double step = lr * d;
            after[i] = params[i] - step;
            working.add(new Work(
                    this,
                    gradient[i],
                    decayed,
                    bufferBefore,
                    momentum != 0 ? buffer[i] : null,
                    direction,
                    step,
                    after[i]));
        }
        return new Update<>(after, new State(t, buffer), List.copyOf(working));
    }

    public String title() {
        return CATALOG.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow()
                .title();
    }

    public List<String> settingsTex() {
        List<String> settings = new ArrayList<>(List.of("\\eta = " + n(lr)));
        if (momentum != 0) {
            settings.add("\\mu = " + n(momentum));
        }
        if (dampening != 0) {
            settings.add("\\tau = " + n(dampening));
        }
        Optimizer.decay(settings, weightDecay);
        return settings;
    }

    public String rule() {
        String decay = weightDecay != 0 ? "g \\leftarrow g + \\lambda\\theta,\\ " : "";
        if (momentum == 0) {
            return decay + "\\theta \\leftarrow \\theta - \\eta\\, g";
        }
        if (nesterov) {
            return decay + "b \\leftarrow \\mu b + g,\\ \\theta \\leftarrow \\theta - \\eta\\,(g + \\mu b)";
        }
        return decay
                + "b \\leftarrow \\mu b + "
                + (dampening == 0 ? "" : "(1 - \\tau)\\,")
                + "g,\\ \\theta \\leftarrow \\theta - \\eta\\, b";
    }
}
