package dev.gradientdeck.cards;

import java.time.LocalDate;
import java.util.List;

/** The shapes pages and the API read cards in. */
public final class CardViews {
    private CardViews() {}

    public record CardSummary(
            long id, String slug, String title, String deck, String kind, List<String> tags, boolean archived) {}

    /** A paper as the card cites it; paperId is the paper record it was matched to (null until it is). */
    public record Citation(String title, String url, String summary, String summaryHtml, Long paperId) {}

    public record Section(String heading, String html) {}

    public record CardDetail(
            long id,
            String slug,
            String path,
            String title,
            String deck,
            String kind,
            List<String> tags,
            String question,
            String questionHtml,
            String answer,
            String answerHtml,
            List<String> keyPoints,
            List<String> keyPointsHtml,
            List<Section> sections,
            List<Citation> citations,
            String descentSpec,
            boolean archived) {}

    public record Count(String name, int cards) {}

    /** A card's schedule as other features report it; a card never answered is "new" with no memory yet. */
    public record CardSchedule(
            String state, Double stability, Double difficulty, java.time.Instant due, int reps, int lapses) {}

    /** Where the cards feature learns each card's schedule without depending on the review feature. */
    public interface Schedules {
        java.util.Map<Long, String> states();

        CardSchedule of(long cardId);
    }

    /** Where a card's page gets a descent card's live exercise without the cards feature depending on the descent feature. */
    public interface Exercises {
        /** The exercise to show on the card's page, or empty for a card without one. */
        java.util.Optional<gg.jte.Content> of(CardDetail card, io.javalin.http.Context ctx);
    }

    /** Where the import page gets sections other features add (the Anki import) without the cards feature depending on them. */
    public interface ImportSections {
        java.util.List<gg.jte.Content> of(io.javalin.http.Context ctx);
    }

    public record CarriedRecord(int currentStreak, int bestStreak, int totalDays, LocalDate asOf, String cardTitle) {}
}
