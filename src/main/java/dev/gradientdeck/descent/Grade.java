package dev.gradientdeck.descent;

/**
 * The verdict on a {@link Prediction}: whether it counts, how far off it was, and how far off it
 * was allowed to be. A true value that is not finite (a run that blew up) is matched only by the
 * same value.
 */
public record Grade(
        boolean correct, double answer, double truth, double error, double allowedError) {}
