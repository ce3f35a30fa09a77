package dev.gradientdeck.descent.engine;

import java.util.List;

/**
 * What a run needs, checked: the problem, the optimizer, the start point, the number of steps and
 * the batch of each step (an empty list when every step sees all the data). {@code
 * spec.SpecCheck} builds one from a spec.
 */
public record Simulation(Problem problem, Optimizer<?> optimizer, double[] start, int steps, List<int[]> batches) {

    /** This step's batch rows, or null when the step sees all the data. */
    public int[] batchAt(int t) {
        return batches.isEmpty() ? null : batches.get(t - 1);
    }

    /** The problem restricted to a batch; the whole problem for null. */
    public Problem problemOn(int[] batch) {
        return batch == null ? problem : ((DataProblem) problem).on(batch);
    }
}
