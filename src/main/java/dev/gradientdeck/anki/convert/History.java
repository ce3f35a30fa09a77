package dev.gradientdeck.anki.convert;

import dev.gradientdeck.anki.model.RevlogEntry;
import dev.gradientdeck.review.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A card's Anki log as answers for the review log. Every row with a rating becomes an answer with its time, rating and time
 * taken; the others are counted by reason and never silently dropped:
 * <ul>
 *   <li>{@code noRating}: a manual reschedule or "set due date" (button 0);</li>
 *   <li>{@code reset}: the card was reset to new (button 0, interval 0), after which Anki's FSRS starts afresh;</li>
 *   <li>{@code beforeReset}: any row before the last reset;</li>
 *   <li>{@code cram}: an answer in a filtered deck that did not reschedule (type 3, factor 0);</li>
 *   <li>{@code badRating}: a button number Anki never writes.</li>
 * </ul>
 * The first scheduler (version 1) had three buttons while learning, so there 2 meant Good and 3 Easy.
 */
public final class History {
    public static final String NO_RATING = "noRating";
    public static final String RESET = "reset";
    public static final String BEFORE_RESET = "beforeReset";
    public static final String CRAM = "cram";
    public static final String BAD_RATING = "badRating";

    private History() {}

    /** One answer taken from the log: the Anki row it came from, when, the rating, and the time taken (null if unknown). */
    public record Answer(long revlogId, Instant at, Rating rating, Duration timeTaken) {}

    public record Outcome(List<Answer> answers, Map<String, Integer> skipped) {}

    public static Outcome of(List<RevlogEntry> rows, int schedulerVersion) {
        List<RevlogEntry> sorted = rows.stream()
                .sorted(java.util.Comparator.comparingLong(RevlogEntry::id))
                .toList();
        int lastReset = -1;
        for (int i = 0; i < sorted.size(); i++) if (isReset(sorted.get(i))) lastReset = i;
        List<Answer> answers = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            RevlogEntry row = sorted.get(i);
            String reason = i < lastReset ? BEFORE_RESET : reasonToSkip(row);
            if (reason != null) {
                skipped.merge(reason, 1, Integer::sum);
                continue;
            }
            answers.add(new Answer(
                    row.id(),
                    Instant.ofEpochMilli(row.id()),
                    rating(row, schedulerVersion),
                    row.timeMs() > 0 ? Duration.ofMillis(row.timeMs()) : null));
        }
        return new Outcome(answers, skipped);
    }

    static boolean isReset(RevlogEntry row) {
        return row.ease() == 0
                && row.interval() == 0
                && (row.type() == RevlogEntry.MANUAL || row.type() == RevlogEntry.RESCHEDULED);
    }

    private static String reasonToSkip(RevlogEntry row) {
        if (isReset(row)) return RESET;
        if (row.ease() == 0) return NO_RATING;
        if (row.ease() < 0 || row.ease() > 4) return BAD_RATING;
        if (row.type() == RevlogEntry.FILTERED && row.factor() == 0) return CRAM;
        return null;
    }

    private static Rating rating(RevlogEntry row, int schedulerVersion) {
        boolean threeButtons =
                schedulerVersion == 1 && (row.type() == RevlogEntry.LEARNING || row.type() == RevlogEntry.RELEARNING);
        int ease = threeButtons && row.ease() > 1 ? Math.min(4, row.ease() + 1) : row.ease();
        return Rating.of(ease);
    }
}
