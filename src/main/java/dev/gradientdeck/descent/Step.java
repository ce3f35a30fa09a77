package dev.gradientdeck.descent;

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
 * @param working the optimizer's worked arithmetic, one list per parameter in parameter order (see
 *     each optimizer)
 */
public record Step(
        int t,
        List<Double> paramsBefore,
        double loss,
        List<Double> gradient,
        List<Double> paramsAfter,
        Double fullLoss,
        List<Integer> batch,
        List<List<Quantity>> working) {

    boolean isFinite() {
        return Double.isFinite(loss) && allFinite(gradient) && allFinite(paramsAfter);
    }

    private static boolean allFinite(List<Double> values) {
        return values.stream().allMatch(Double::isFinite);
    }
}
