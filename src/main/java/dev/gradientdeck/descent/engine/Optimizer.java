package dev.gradientdeck.descent.engine;

import java.util.List;

/**
 * An update rule of {@code torch.optim} (1.13, single-tensor loop), as {@code gd/CONVENTIONS.md}
 * section 3 writes it. Every rule works coordinate by coordinate, so each parameter keeps its own
 * state. Each implementation is one file holding all there is to know about that optimizer: its
 * catalog entries (names, settings, torch's defaults), the rule, its typed per-step record and its
 * worked lines.
 *
 * @param <S> the optimizer's state between steps (momentum buffers, moment estimates, step count)
 */
public sealed interface Optimizer<S> permits Sgd, Adagrad, RmsProp, Adam {

    /** The state before the first step: every buffer 0, no steps taken. */
    S initialState(int size);

    /** One step from {@code params}, given the gradient there. Neither array is changed. */
    Update<S> step(double[] params, double[] gradient, S state);

    /** The optimizer's name in words, such as "SGD with momentum". */
    String title();

    /** The settings in use, as TeX such as {@code \eta = 0.01}. */
    List<String> settingsTex();

    /** The update rule in torch's form as TeX, with g the gradient and θ a parameter. */
    String rule();

    /** The parameters after a step, the state for the next one, and what the step did per parameter. */
    record Update<S>(double[] params, S state, List<Work> working) {}

    /** "λ = 0.01" when there is weight decay. */
    static void decay(List<String> settings, double weightDecay) {
        if (weightDecay != 0) {
            settings.add("\\lambda = " + Tex.n(weightDecay));
        }
    }

    /** The L2 form of weight decay, g' = g + λθ, as a worked line. */
    static Line decayed(String param, double g, double weightDecay, double before, double value) {
        return new Line(
                "g'",
                "g + \\lambda\\," + param,
                Tex.n(g) + " + " + Tex.f(weightDecay) + "\\cdot" + Tex.f(before),
                value);
    }

    /** The last line of every update: the parameter minus the step. */
    static Line update(String param, String from, double before, double step, double after) {
        return new Line(param + "_{\\text{new}}", from + " - \\Delta", Tex.n(before) + " - " + Tex.f(step), after);
    }
}
