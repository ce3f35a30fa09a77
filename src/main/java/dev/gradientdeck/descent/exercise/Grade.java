package dev.gradientdeck.descent.exercise;

/**
 * The verdict on one predicted number: whether it counts, how far off it was, how far off it was
 * allowed to be, and what that allowance is measured against ("the step", "the loss", "the loss
 * change", "the gradient"). A true value that is not finite (a run that blew up) is matched only by
 * the same value.
 */
public record Grade(boolean correct, double answer, double truth, double error, double allowed, String against) {}
