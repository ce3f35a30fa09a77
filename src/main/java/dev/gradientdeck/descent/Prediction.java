package dev.gradientdeck.descent;

/**
 * A learner's number for one quantity of a step, beside the value the simulation found.
 *
 * <p>The answer counts when it is within {@code tolerance} of the true value, relatively (2% by
 * default), or within an absolute floor of tolerance / 20 (0.001 at 2%). The floor is for true
 * values at or near zero, where any relative test fails: a gradient component of exactly 0 would
 * otherwise accept only an exact 0, and 1e-17 from rounding would not match "0". Scaling the floor
 * with the tolerance keeps a stricter card strict near zero too.
 */
public record Prediction(double answer, double truth) {
    public static final double DEFAULT_TOLERANCE = 0.02;

    /** The absolute floor as a fraction of the tolerance. */
    static final double FLOOR_PER_TOLERANCE = 1.0 / 20;

    public Grade grade(double tolerance) {
        double allowed = Math.max(tolerance * Math.abs(truth), tolerance * FLOOR_PER_TOLERANCE);
        double error = Math.abs(answer - truth);
        boolean correct =
                Double.isFinite(truth) ? error <= allowed : Double.compare(answer, truth) == 0;
        return new Grade(correct, answer, truth, error, allowed);
    }

    /** The loss went up from one step to the next, or it went down (or stayed). */
    public enum Direction {
        UP,
        DOWN;

        /** A loss that stops being finite went up: the run blew up. */
        public static Direction of(double lossBefore, double lossAfter) {
            return !Double.isFinite(lossAfter) || lossAfter > lossBefore ? UP : DOWN;
        }
    }

    /** The direction the learner predicted, graded against the losses before and after the step. */
    public static boolean directionCorrect(Direction answer, double lossBefore, double lossAfter) {
        return answer == Direction.of(lossBefore, lossAfter);
    }
}
