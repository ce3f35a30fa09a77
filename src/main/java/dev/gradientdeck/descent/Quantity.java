package dev.gradientdeck.descent;

/**
 * One named number in the worked arithmetic of a step for one parameter, such as {@code m = -2.64},
 * so a page can write the update out by hand: "m = 0.9·0 + 0.1·(−26.4) = −2.64". Each optimizer
 * documents the names it reports.
 */
public record Quantity(String name, double value) {}
