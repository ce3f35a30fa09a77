package dev.gradientdeck.descent.web;

import dev.gradientdeck.descent.exercise.Exercise.Attempt;
import dev.gradientdeck.descent.exercise.Exercise.Item;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * All SQL about descent runs and their predictions. Writes are serialized here (SQLite has one
 * writer, and each write first checks the run is still where the caller saw it), like the review
 * log's.
 */
public final class DescentRepository {
    private final Jdbi jdbi;

    public DescentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A run as stored: the drawn spec as JSON, how many predicted steps are revealed, and its grade
     * once finished.
     */
    public record StoredRun(
            long id,
            long cardId,
            long seed,
            String specJson,
            int revealed,
            Instant startedAt,
            Instant finishedAt,
            Integer rating,
            Long reviewId) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** The seed and the spec drawn with it, for a new run. */
    public record Drawn(long seed, String specJson) {}

    public Optional<StoredRun> run(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM descent_runs WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> run(rs))
                .findOne());
    }

    /** The card's open run, or a new one drawn by {@code draw} when there is none. */
    public synchronized StoredRun openOrStart(long cardId, Supplier<Drawn> draw, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<StoredRun> open = open(h, cardId);
            if (open.isPresent()) {
                return open.get();
            }
            Drawn drawn = draw.get();
            h.createUpdate("""
              INSERT INTO descent_runs (card_id, seed, spec_json, revealed, started_at)
              VALUES (:card, :seed, :spec, 0, :now)""")
                    .bind("card", cardId)
                    .bind("seed", drawn.seed())
                    .bind("spec", drawn.specJson())
                    .bind("now", now.toString())
                    .execute();
            return open(h, cardId).orElseThrow();
        });
    }

    private static Optional<StoredRun> open(Handle h, long cardId) {
        return h.createQuery("SELECT * FROM descent_runs WHERE card_id = :card AND finished_at IS NULL")
                .bind("card", cardId)
                .map((rs, ctx) -> run(rs))
                .findOne();
    }

    public List<Attempt> attempts(long runId) {
        return jdbi.withHandle(h -> h.createQuery("""
            SELECT step, quantity, component, answer, truth, correct FROM descent_predictions
            WHERE run_id = :run ORDER BY id""")
                .bind("run", runId)
                .map((rs, ctx) -> new Attempt(
                        new Item(rs.getInt("step"), rs.getString("quantity"), rs.getString("component")),
                        rs.getString("answer"),
                        rs.getString("truth"),
                        rs.getBoolean("correct")))
                .list());
    }

    /**
     * Stores the predictions of one step and moves the run to {@code revealedNow} steps revealed,
     * if the run is still open with {@code revealedBefore} revealed; else (another tab moved on, or
     * the run was graded) writes nothing.
     *
     * @return whether anything was written
     */
    public synchronized boolean record(
            long runId, int revealedBefore, List<Attempt> attempts, int revealedNow, Instant at) {
        return jdbi.inTransaction(h -> {
            int moved = h.createUpdate("""
              UPDATE descent_runs SET revealed = :now
              WHERE id = :id AND revealed = :before AND finished_at IS NULL""")
                    .bind("now", revealedNow)
                    .bind("id", runId)
                    .bind("before", revealedBefore)
                    .execute();
            if (moved == 0) {
                return false;
            }
            if (!attempts.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("""
            INSERT INTO descent_predictions (run_id, step, quantity, component, answer, truth, correct, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
                for (Attempt a : attempts) {
                    batch.add(
                            runId,
                            a.item().step(),
                            a.item().quantity(),
                            a.item().component(),
                            a.answer(),
                            a.truth(),
                            a.correct() ? 1 : 0,
                            at.toString());
                }
                batch.execute();
            }
            return true;
        });
    }

    /** Marks the run graded; a run already finished keeps its first grade. */
    public synchronized void finish(long runId, int rating, long reviewId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
            UPDATE descent_runs SET finished_at = :at, rating = :rating, review_id = :review
            WHERE id = :id AND finished_at IS NULL""")
                .bind("at", at.toString())
                .bind("rating", rating)
                .bind("review", reviewId)
                .bind("id", runId)
                .execute());
    }

    private static StoredRun run(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        return new StoredRun(
                rs.getLong("id"),
                rs.getLong("card_id"),
                rs.getLong("seed"),
                rs.getString("spec_json"),
                rs.getInt("revealed"),
                Instant.parse(rs.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                rs.getObject("rating") == null ? null : rs.getInt("rating"),
                rs.getObject("review_id") == null ? null : rs.getLong("review_id"));
    }
}
