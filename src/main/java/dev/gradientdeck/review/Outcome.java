package dev.gradientdeck.review;

import java.time.Duration;

/**
 * The schedule one rating would produce. {@code interval} is due minus now; {@code scheduledDays}
 * is the whole-day interval of a review-state outcome and 0 for a (re)learning step.
 */
public record Outcome(Schedule schedule, Duration interval, double intervalDays, long scheduledDays) {}
