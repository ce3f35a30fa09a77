package dev.gradientdeck.anki.export;

import java.time.Instant;
import java.util.List;

/**
 * One card as the export writes it: its Anki card id (the original one for a card that came from Anki), a note guid, its
 * title, deck, tags, the two sides as HTML, its schedule and its answers.
 */
public record ExportCard(
        long ankiId,
        String guid,
        String title,
        String deck,
        List<String> tags,
        String front,
        String back,
        Schedule schedule,
        List<Answer> answers) {
    public ExportCard {
        tags = List.copyOf(tags);
        answers = List.copyOf(answers);
    }

    /** The card's schedule: state "new", "learning", "review" or "relearning"; memory null while new. */
    public record Schedule(
            String state, Double stability, Double difficulty, Instant due, Instant lastReview, int reps, int lapses) {}

    /** One answer as logged: when, the rating, the state it was answered in, where it led, and the time taken. */
    public record Answer(
            Instant at,
            int rating,
            String stateBefore,
            String stateAfter,
            Instant due,
            long scheduledDays,
            Long durationMs) {}
}
