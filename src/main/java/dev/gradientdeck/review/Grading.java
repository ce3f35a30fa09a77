package dev.gradientdeck.review;

import dev.gradientdeck.web.BadRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one way a feature grades a card: the review page, practice's self-rating and the descent exercise read the learner's
 * rating here, show the same four buttons (each with the interval it would give) and answer the scheduler through here.
 */
public final class Grading {
    /** Longer than this from question to grade is a tab left open, not thinking time: statistics count it as this. */
    public static final Duration LONGEST_ANSWER = Duration.ofMinutes(60);

    /** "1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)": what a form may send, in the words of the buttons. */
    private static final String CHOICES = choices();

    private final Reviews reviews;

    public Grading(Reviews reviews) {
        this.reviews = reviews;
    }

    /** The rating a form or query sent, "1" to "4"; anything else is a 400 that names what came. */
    public static Rating rating(String raw) {
        try {
            return Rating.of(Integer.parseInt(raw == null ? "" : raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("rating must be " + CHOICES + ", not '" + raw + "'");
        }
    }

    /** The four buttons for a card now, with the intervals its next states give. */
    public List<GradeButton> buttons(long cardId) {
        return buttons(cardId, Optional.empty());
    }

    /** The four buttons for a card now, with {@code suggested} marked (an exercise's own suggestion). */
    public List<GradeButton> buttons(long cardId, Optional<Rating> suggested) {
        return GradeButton.of(reviews.preview(cardId).next(), suggested);
    }

    /**
     * Grades a card from an exercise of another feature (a practice answer, a descent run). The request id names that one
     * exercise, so a double click or a retry after a lost reply schedules the card once. Refusals (an unknown or archived
     * card) come as {@link Reviews.Refused}.
     */
    public Reviews.Answered grade(long cardId, Rating rating, String requestId, Optional<Duration> timeTaken) {
        return reviews.answer(cardId, rating, Optional.empty(), Optional.of(requestId), Optional.empty(), timeTaken);
    }

    /** When the card is next due, in the buttons' words: "in 3d", or "now". */
    public String nextReview(long cardId) {
        return IntervalLabel.until(reviews.of(cardId).due(), reviews.now());
    }

    /** Time from showing a question to its grade, clamped to [0, {@link #LONGEST_ANSWER}] so a stale tab cannot skew stats. */
    public static Duration timeTaken(Instant shownAt, Instant gradedAt) {
        Duration taken = Duration.between(shownAt, gradedAt);
        if (taken.isNegative()) return Duration.ZERO;
        return taken.compareTo(LONGEST_ANSWER) > 0 ? LONGEST_ANSWER : taken;
    }

    private static String choices() {
        List<String> each = Arrays.stream(Rating.values())
                .map(r -> r.value() + " (" + r.label() + ")")
                .toList();
        return String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
    }
}
