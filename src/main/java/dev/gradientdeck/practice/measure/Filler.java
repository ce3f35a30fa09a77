package dev.gradientdeck.practice.measure;

/**
 * A filler the learner said ("um", "you know", ...) and when it started, so a player can jump to
 * it.
 */
public record Filler(String text, double start) {}
