package dev.gradientdeck.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of the learner's choices about the queue: suspending and burying cards (a log only appended to, and each card's
 * hold now) and extra new cards for a day. The queue queries in {@link ReviewRepository} read what this writes.
 */
public final class QueueChoiceRepository {
    private final Jdbi jdbi;

    public QueueChoiceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A card's hold as stored: suspended, or buried through a day. */
    public record StoredHold(String kind, LocalDate untilDay) {}

    /** Logs the action and sets the card's hold from it, in one transaction. A suspended card stays suspended when buried. */
    public void record(long cardId, Reviews.QueueAction action, LocalDate today, Instant at) {
        jdbi.useTransaction(h -> {
            h.execute(
                    "INSERT INTO card_hold_log (card_id, action, day_key, at) VALUES (?, ?, ?, ?)",
                    cardId,
                    action.written(),
                    today.toString(),
                    at.toString());
            switch (action) {
                case SUSPEND -> h.execute("""
                        INSERT INTO card_holds (card_id, kind, until_day) VALUES (?, 'suspended', NULL)
                        ON CONFLICT (card_id) DO UPDATE SET kind = 'suspended', until_day = NULL""", cardId);
                case UNSUSPEND -> h.execute("DELETE FROM card_holds WHERE card_id = ? AND kind = 'suspended'", cardId);
                case BURY -> h.execute("""
                        INSERT INTO card_holds (card_id, kind, until_day) VALUES (?, 'buried', ?)
                        ON CONFLICT (card_id) DO UPDATE SET until_day = excluded.until_day WHERE kind = 'buried'""", cardId, today.toString());
                case UNBURY -> h.execute("DELETE FROM card_holds WHERE card_id = ? AND kind = 'buried'", cardId);
            }
        });
    }

    public Optional<StoredHold> hold(long cardId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT kind, until_day FROM card_holds WHERE card_id = :id")
                .bind("id", cardId)
                .map((rs, ctx) -> new StoredHold(
                        rs.getString(1), rs.getString(2) == null ? null : LocalDate.parse(rs.getString(2))))
                .findOne());
    }

    /** Every stored hold by card; a burial past its day is still listed (the caller compares it with today). */
    public Map<Long, StoredHold> holds() {
        return jdbi.withHandle(h -> {
            Map<Long, StoredHold> holds = new HashMap<>();
            h.createQuery("SELECT card_id, kind, until_day FROM card_holds")
                    .map((rs, ctx) -> Map.entry(
                            rs.getLong(1),
                            new StoredHold(
                                    rs.getString(2),
                                    rs.getString(3) == null ? null : LocalDate.parse(rs.getString(3)))))
                    .forEach(e -> holds.put(e.getKey(), e.getValue()));
            return holds;
        });
    }

    public void addNewCards(LocalDate day, int cards, Instant at) {
        jdbi.useHandle(h -> h.execute(
                "INSERT INTO extra_new_cards (day_key, cards, at) VALUES (?, ?, ?)",
                day.toString(),
                cards,
                at.toString()));
    }
}
