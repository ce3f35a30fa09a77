package dev.gradientdeck.anki.model;

/**
 * One row of Anki's review log. {@code id} is the answer's time in epoch milliseconds; {@code ease} the button (1-4, 0 for
 * an entry with no answer); {@code interval} days when positive, seconds when negative; {@code timeMs} the time taken;
 * {@code type} 0 learning, 1 review, 2 relearning, 3 filtered (cram), 4 manual, 5 rescheduled.
 */
public record RevlogEntry(
        long id, long cardId, int ease, long interval, long lastInterval, int factor, long timeMs, int type) {
    public static final int LEARNING = 0;
    public static final int REVIEW = 1;
    public static final int RELEARNING = 2;
    public static final int FILTERED = 3;
    public static final int MANUAL = 4;
    public static final int RESCHEDULED = 5;
}
