package dev.gradientdeck.streaks;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the learner stands today.
 *
 * @param current      counted days in the streak that ends today, or yesterday while today is still open
 * @param best         the longest streak ever, at least the carried record's best
 * @param total        counted days ever (frozen days add nothing)
 * @param freezesHeld  freezes left to cover future missed days
 * @param frozenDays   missed days a freeze covered, oldest first, for showing them differently
 * @param todayCounted whether today already counts
 * @param countToday   reviews and practice answers the app has for today
 */
public record StreakSummary(
        int current,
        int best,
        int total,
        int freezesHeld,
        List<LocalDate> frozenDays,
        boolean todayCounted,
        int countToday) {

    public StreakSummary {
        frozenDays = List.copyOf(frozenDays);
    }
}
