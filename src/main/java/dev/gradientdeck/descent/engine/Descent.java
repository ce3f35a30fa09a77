package dev.gradientdeck.descent.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a simulation: a fold of optimizer steps over the problem, from the spec's start. */
public final class Descent {
    private Descent() {}

    public static DescentRun run(Simulation simulation) {
        return run(simulation, simulation.optimizer());
    }

    private static <S> DescentRun run(Simulation simulation, Optimizer<S> optimizer) {
        double[] params = simulation.start();
        S state = optimizer.initialState(params.length);
        List<Step> steps = new ArrayList<>();
        for (int t = 1; t <= simulation.steps(); t++) {
            int[] batch = simulation.batchAt(t);
            Problem problem = simulation.problemOn(batch);
            double loss = problem.loss(params);
            double[] gradient = problem.gradient(params);
            Optimizer.Update<S> update = optimizer.step(params, gradient, state);
            Step step = new Step(
                    t,
                    list(params),
                    loss,
                    list(gradient),
                    list(update.params()),
                    batch == null ? null : simulation.problem().loss(params),
                    batch == null ? null : Arrays.stream(batch).boxed().toList(),
                    update.working());
            steps.add(step);
            if (!step.stayedFinite()) {
                return new DescentRun(simulation.problem().params(), List.copyOf(steps), DescentRun.DIVERGED, t);
            }
            params = update.params();
            state = update.state();
        }
        return new DescentRun(simulation.problem().params(), List.copyOf(steps), DescentRun.COMPLETED, null);
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
