package dev.gradientdeck.anki.web;

import dev.gradientdeck.anki.apply.AnkiRepository.StoredImport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** What the import page's Anki section shows, decided here so the template only formats. */
public final class AnkiPages {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> REASONS = Map.of(
            "noRating", "manual reschedules and set due dates (no answer)",
            "reset", "resets to new",
            "beforeReset", "answers before a reset",
            "cram", "cram answers in filtered decks that did not reschedule",
            "badRating", "rows with an unknown button",
            "unknownCard", "rows of cards the package does not hold",
            "cardNotImported", "answers of cards that could not be imported",
            "olderThanLog", "answers older than a later answer already in your log");

    private AnkiPages() {}

    public record Section(List<StoredImport> imports, Long highlighted, long limitMegabytes) {}

    public static String when(StoredImport i) {
        return WHEN.format(i.importedAt());
    }

    public static String reason(String key) {
        return REASONS.getOrDefault(key, key);
    }

    /** How many cards' replayed FSRS memory agrees with Anki's, or that the package carried none. */
    public static String agreement(StoredImport i) {
        int of = i.report().cardsWithFsrsState();
        return of == 0
                ? "FSRS memory: the package carries none, so each card's schedule is the replay of its log."
                : "FSRS memory replayed from the log: " + i.report().fsrsWithin1Percent() + " of " + of
                        + " cards within 1 % of Anki's own stability and difficulty.";
    }
}
