package dev.gradientdeck.review;

import java.time.Duration;

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
            return oneDecimal(seconds / MONTH) + "mo";
        }
        return oneDecimal(seconds / YEAR) + "y";
    }

    /** Months and years keep one decimal, dropped when it is zero ("1mo", "1.3mo"). */
    private static String oneDecimal(double amount) {
        long tenths = Math.round(amount * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }
}
