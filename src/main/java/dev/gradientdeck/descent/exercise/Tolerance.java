package dev.gradientdeck.descent.exercise;

/**
 * What counts as right for each predicted number, given the spec's relative tolerance (2% unless
 * the card says otherwise). The rule is on what the step does, so no answer passes by being close
 * to where the value already was:
 *
 * <ul>
 *   <li>a parameter after the step: the implied step (answer − value before) within the tolerance
 *       of the true step. "No move" is then off by the whole step and a double step by as much, so
 *       both miss whatever the tolerance (below 1);
 *   <li>the loss after the step: within the tolerance of the loss itself, unless that allowance is
 *       as large as the change the step makes; then within the tolerance of the change, so an
 *       unchanged loss is not right;
 *   <li>a gradient: within the tolerance of its own value.
 * </ul>
 *
 * The only absolute allowance is float rounding: a few units in the last place of the numbers
 * involved, so a true 1e-17 matches a typed 0 and an exact answer never misses by rounding.
 */
public record Tolerance(double relative) {
    /** Units in the last place allowed for rounding in the engine and in the typed decimal. */
    private static final int ROUNDING_ULPS = 8;

    public Grade gradient(double truth, double answer) {
        return grade(answer, truth, Math.abs(truth), rounding(truth, answer), "the gradient");
    }

    public Grade param(double before, double truth, double answer) {
        double step = truth - before;
        return grade(answer, truth, Math.abs(step), rounding(before, truth, answer), "the step");
    }

    public Grade loss(double before, double truth, double answer) {
        double change = truth - before;
        double floor = rounding(before, truth, answer);
        return relative * Math.abs(truth) < Math.abs(change)
                ? grade(answer, truth, Math.abs(truth), floor, "the loss")
                : grade(answer, truth, Math.abs(change), floor, "the loss change");
    }

    private Grade grade(double answer, double truth, double scale, double floor, String against) {
        double allowed = Math.max(relative * scale, floor);
        double error = Math.abs(answer - truth);
        boolean correct = Double.isFinite(truth) ? error <= allowed : Double.compare(answer, truth) == 0;
        return new Grade(correct, answer, truth, Double.isFinite(error) ? error : Double.NaN, allowed, against);
    }

    private static double rounding(double... values) {
        double largest = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                largest = Math.max(largest, Math.abs(value));
            }
        }
        return ROUNDING_ULPS * Math.ulp(largest);
    }
}
