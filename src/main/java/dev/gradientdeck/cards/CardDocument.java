package dev.gradientdeck.cards;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A card file as parsed: its identity, its markdown sections and the facts it carries. Markdown is still markdown here;
 * the importer renders it once, on the way into the database.
 */
public record CardDocument(
        String slug,
        String deck,
        String title,
        List<String> tags,
        Kind kind,
        String question,
        String answer,
        List<String> keyPoints,
        List<Section> otherSections,
        List<Citation> citations,
        Optional<StreakRecord> streakRecord,
        Optional<DescentBlock> descent,
        Optional<LocalDate> date,
        Optional<Boolean> paperPrompts)
        implements DeckFile {

    public enum Kind {
        BASIC,
        DESCENT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A section the card format does not name (kept in file order, shown after the answer). */
    public record Section(String heading, String markdown) {}

    /** A paper as the card cites it: "[Title](url)" with a nested summary. */
    public record Citation(String title, String url, String summary) {}

    /** "Current Streak / All Time Best Streak / All Time Total" carried over from hand tracking. */
    public record StreakRecord(int currentStreak, int bestStreak, int totalDays) {}

    /** The raw YAML of a ```descent block and the file line its first spec line sits on. */
    public record DescentBlock(String yaml, int line) {}
}
