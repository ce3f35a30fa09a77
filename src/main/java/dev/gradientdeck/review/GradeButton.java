package dev.gradientdeck.review;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer button: the rating it gives, its word and keyboard key, and the interval that rating would schedule. Every
 * page that grades a card shows these four, drawn by {@code templates/tags/grade-buttons.jte}.
 *
 * @param interval  the interval label of the rating's outcome, from the same next states the answer then picks from
 * @param suggested whether the exercise suggests this grade (the descent exercise does, from the learner's predictions)
 */
public record GradeButton(Rating rating, String interval, boolean suggested) {

    public GradeButton {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(interval, "interval");
    }

    /** The four buttons for a card whose next states are {@code next}, Again first. */
    public static List<GradeButton> of(NextStates next, Optional<Rating> suggested) {
        return Arrays.stream(Rating.values())
                .map(r -> new GradeButton(r, IntervalLabel.of(next.of(r).interval()), suggested.equals(Optional.of(r))))
                .toList();
    }

    /** What the form posts: 1 (Again) to 4 (Easy). */
    public int value() {
        return rating.value();
    }

    public String label() {
        return rating.label();
    }

    /** The key that presses the button on pages with keyboard grading: the rating's digit. */
    public String key() {
        return Integer.toString(rating.value());
    }
}
