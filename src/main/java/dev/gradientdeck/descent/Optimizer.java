package dev.gradientdeck.descent;

import java.util.List;

/**
 * An update rule of {@code torch.optim} (1.13, single-tensor loop), as {@code gd/CONVENTIONS.md}
 * section 3 writes it. Every rule works coordinate by coordinate, so each parameter keeps its own
 * state.
 *
 * @param <S> the optimizer's state between steps (momentum buffers, moment estimates, step count)
 */
public sealed interface Optimizer<S> permits Sgd, Adagrad, RmsProp, Adam {

    /** The state before the first step: every buffer 0, no steps taken. */
    S initialState(int size);

    /** One step from {@code params}, given the gradient there. Neither array is changed. */
    Update<S> step(double[] params, double[] gradient, S state);

    /**
     * The parameters after a step, the state to pass to the next one, and the worked arithmetic:
     * one list of named quantities per parameter, in parameter order.
     */
    record Update<S>(double[] params, S state, List<List<Quantity>> working) {}
}
