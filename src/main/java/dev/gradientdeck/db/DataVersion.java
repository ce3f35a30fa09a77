package dev.gradientdeck.db;

import org.jdbi.v3.core.Jdbi;

/**
 * A cheap stamp of the learner's data that changes whenever anything pages compute from changes: a review, an undo, a
 * practice answer, a deck sync (cards, carried records), a card suspended or buried, extra new cards for a day, a change of the scheduler's weights. Each part is the newest row id of an append-only table, an index
 * lookup, so comparing stamps costs far less than recomputing what they guard.
 */
public final class DataVersion {
    private final Jdbi jdbi;

    public DataVersion(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String current() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT coalesce(max(id), 0) FROM reviews) || ':' || (SELECT coalesce(max(rowid), 0) FROM review_undos)
                               || ':' || (SELECT coalesce(max(id), 0) FROM practice_attempts) || ':'
                               || (SELECT coalesce(max(id), 0) FROM import_runs) || ':'
                               || (SELECT coalesce(max(id), 0) FROM card_hold_log) || ':'
                               || (SELECT coalesce(max(id), 0) FROM extra_new_cards) || ':'
                               || (SELECT coalesce(max(id), 0) FROM scheduler_parameters)""").mapTo(String.class).one());
    }
}
