package dev.gradientdeck.review;

import dev.gradientdeck.present.Numbers;
import java.time.Duration;
import java.time.Instant;

/** The short interval text on an answer button, as Anki writes it: "<1m", "10m", "3h", "2d", "1.3mo", "2.1y". */
public final class IntervalLabel {
    private static final double MINUTE = 60;
    private static final double HOUR = 60 * MINUTE;
    private static final double DAY = 24 * HOUR;
    private static final double MONTH = 365.0 / 12 * DAY;
    private static final double YEAR = 365 * DAY;

    private IntervalLabel() {}

    public static String of(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, was " + interval);
        }
        double seconds = interval.toMillis() / 1000.0;
        if (seconds < MINUTE) {
            return "<1m";
        }
        // Like Anki, the unit is picked before rounding, so 59.6 minutes reads "60m".
        if (seconds < HOUR) {
            return Math.round(seconds / MINUTE) + "m";
        }
        if (seconds < DAY) {
            return Math.round(seconds / HOUR) + "h";
        }
        if (seconds < MONTH) {
            return Math.round(seconds / DAY) + "d";
        }
        if (seconds < YEAR) {
            return Numbers.tenths(seconds / MONTH) + "mo";
        }
        return Numbers.tenths(seconds / YEAR) + "y";
    }

    /** How long until {@code due} in the buttons' words ("in 8m", "in 2d"), or "now" once it has come. */
    public static String until(Instant due, Instant now) {
        return due.isAfter(now) ? "in " + of(Duration.between(now, due)) : "now";
    }
}
