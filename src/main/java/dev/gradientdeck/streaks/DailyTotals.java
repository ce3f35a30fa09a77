package dev.gradientdeck.streaks;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The review log summed per day key: answers, answers to cards in review, and how many of those passed. The log is only
 * ever appended to (an undo is a row of its own), so the sums are kept by adding what was appended since the last look,
 * never by reading the whole log again.
 */
final class DailyTotals {
    /** One day's change: positive for new answers, negative for undone ones. */
    record Change(LocalDate day, int answers, int inReview, int passed) {}

    /** What was appended to the log after {@code lastReview} and {@code lastUndo}, as per-day changes. */
    record Appended(long lastReview, long lastUndo, List<Change> changes) {}

    /** One day's sums. */
    record Day(int answers, int inReview, int passed) {}

    private final TreeMap<LocalDate, Day> days = new TreeMap<>();
    private long lastReview;
    private long lastUndo;

    long lastReview() {
        return lastReview;
    }

    long lastUndo() {
        return lastUndo;
    }

    void add(Appended appended) {
        for (Change c : appended.changes()) {
            days.merge(
                    c.day(),
                    new Day(c.answers(), c.inReview(), c.passed()),
                    (a, b) -> new Day(a.answers() + b.answers(), a.inReview() + b.inReview(), a.passed() + b.passed()));
        }
        lastReview = Math.max(lastReview, appended.lastReview());
        lastUndo = Math.max(lastUndo, appended.lastUndo());
    }

    /** A copy that later additions do not change, for one version of the stats. */
    NavigableMap<LocalDate, Day> snapshot() {
        return Collections.unmodifiableNavigableMap(new TreeMap<>(days));
    }

    /** Answers per day, days with none left out. */
    static Map<LocalDate, Integer> answers(NavigableMap<LocalDate, Day> days) {
        Map<LocalDate, Integer> answers = new TreeMap<>();
        days.forEach((day, d) -> {
            if (d.answers() > 0) answers.put(day, d.answers());
        });
        return answers;
    }

    /** Answers to cards in review from a day on, and how many passed. */
    static StreakRepository.Retention retentionSince(NavigableMap<LocalDate, Day> days, LocalDate first) {
        int reviews = 0;
        int passed = 0;
        for (Day d : days.tailMap(first, true).values()) {
            reviews += d.inReview();
            passed += d.passed();
        }
        return new StreakRepository.Retention(reviews, passed);
    }
}
