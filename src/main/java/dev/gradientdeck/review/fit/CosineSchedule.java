package dev.gradientdeck.review.fit;

/**
 * The learning rate per step: cosine annealing from lr0 to 0 over {@code tMax} steps (PyTorch's CosineAnnealingLR, in
 * its recursive form, as fsrs-rs computes it). Call {@link #next} once before each step.
 */
final class CosineSchedule {
    private final double tMax;
    private final double initial;
    private double step = -1;
    private double current;

    CosineSchedule(double tMax, double initial) {
        this.tMax = tMax;
        this.initial = initial;
        this.current = initial;
    }

    double next() {
        step++;
        if (step == 0) {
            current = initial;
        } else if ((step - 1 - tMax) % (2 * tMax) == 0) {
            current = initial * (1 - Math.cos(Math.PI / tMax)) / 2;
        } else {
            current = (1 + Math.cos(Math.PI * step / tMax)) / (1 + Math.cos(Math.PI * (step - 1) / tMax)) * current;
        }
        return current;
    }
}
