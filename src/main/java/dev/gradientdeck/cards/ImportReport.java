package dev.gradientdeck.cards;

import java.time.Instant;
import java.util.List;

/** What one sync of the deck folder did, and every file that is broken now. */
public record ImportReport(
        Instant finishedAt,
        String trigger,
        int added,
        int updated,
        int unchanged,
        int archived,
        int restored,
        List<ImportError> errors,
        long millis) {

    /** A file that could not be imported: path relative to the deck folder, 1-based line, reason. */
    public record ImportError(String file, int line, String message) {}

    public boolean changedAnything() {
        return added + updated + archived + restored > 0;
    }
}
