package dev.gradientdeck.descent.exercise;

/** The loss went up from one step to the next, or it went down (or stayed). */
public enum Direction {
    UP,
    DOWN;

    /** A loss that stops being finite went up: the run blew up. */
    public static Direction of(double lossBefore, double lossAfter) {
        return !Double.isFinite(lossAfter) || lossAfter > lossBefore ? UP : DOWN;
    }
}
