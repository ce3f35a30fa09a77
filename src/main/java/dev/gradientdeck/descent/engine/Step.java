package dev.gradientdeck.descent.engine;

import java.util.List;

/**
 * One step of a run: the parameters before it, the loss and gradient there, and the parameters
 * after it.
 *
 * @param t step number, from 1
 * @param loss the loss that was differentiated: on this step's batch when the run has batches
 * @param fullLoss the loss on all the data at {@code paramsBefore}; only when the run has batches,
 *     else null
 * @param batch the data rows of this step's batch; only when the run has batches, else null
 * @param working what the optimizer did to each parameter, in parameter order
 */
public record Step(
        int t,
        List<Double> paramsBefore,
        double loss,
        List<Double> gradient,
        List<Double> paramsAfter,
        Double fullLoss,
        List<Integer> batch,
        List<Work> working) {

    public boolean stayedFinite() {
        return Double.isFinite(loss) && allFinite(gradient) && allFinite(paramsAfter);
    }

    public double[] before() {
        return unboxed(paramsBefore);
    }

    public double[] after() {
        return unboxed(paramsAfter);
    }

    /** The step's batch rows, or null when it sees all the data. */
    public int[] batchRows() {
        return batch == null ? null : batch.stream().mapToInt(Integer::intValue).toArray();
    }

    public static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean allFinite(List<Double> values) {
        return values.stream().allMatch(Double::isFinite);
    }
}
