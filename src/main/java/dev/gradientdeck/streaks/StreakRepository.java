package dev.gradientdeck.streaks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** All SQL behind streaks and stats: activity per day key, the carried record, retention and upcoming dues. */
public final class StreakRepository {
    private final Jdbi jdbi;

    public StreakRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What was appended to the review log after the given review id and undo: new answers counted on their day, newly
     * undone ones taken off theirs. Both read only the appended rows, through the primary keys.
     */
    DailyTotals.Appended appendedSince(long afterReview, long afterUndo) {
        // One read transaction: the newest ids and the rows up to them come from the same snapshot of the log.
        return jdbi.inTransaction(h -> {
            List<DailyTotals.Change> changes = new ArrayList<>();
            long lastReview = h.createQuery("SELECT coalesce(max(id), 0) FROM reviews")
                    .mapTo(Long.class)
                    .one();
            long lastUndo = h.createQuery("SELECT coalesce(max(rowid), 0) FROM review_undos")
                    .mapTo(Long.class)
                    .one();
            h.createQuery("""
                            SELECT day_key, count(*), sum(state_before = 'review'), sum(state_before = 'review' AND rating > 1)
                            FROM reviews WHERE id > :after AND id <= :last GROUP BY day_key""")
                    .bind("after", afterReview)
                    .bind("last", lastReview)
                    .map((rs, ctx) -> new DailyTotals.Change(
                            LocalDate.parse(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                    .forEach(changes::add);
            h.createQuery("""
                            SELECT r.day_key, count(*), sum(r.state_before = 'review'), sum(r.state_before = 'review' AND r.rating > 1)
                            FROM review_undos u JOIN reviews r ON r.id = u.review_id
                            WHERE u.rowid > :after AND u.rowid <= :last GROUP BY r.day_key""")
                    .bind("after", afterUndo)
                    .bind("last", lastUndo)
                    .map((rs, ctx) -> new DailyTotals.Change(
                            LocalDate.parse(rs.getString(1)), -rs.getInt(2), -rs.getInt(3), -rs.getInt(4)))
                    .forEach(changes::add);
            return new DailyTotals.Appended(lastReview, lastUndo, changes);
        });
    }

    /**
     * Practice answers per day key that count on their own: one whose self-rating added a review counts as that review
     * instead (never both), unless the review was undone. Practice answers are few and gain their review later, so they
     * are read whole.
     */
    public Map<LocalDate, Integer> practicePerDay() {
        return jdbi.withHandle(h -> {
            Map<LocalDate, Integer> days = new TreeMap<>();
            h.createQuery("""
                            SELECT p.day_key, count(*) FROM practice_attempts p
                            WHERE p.review_id IS NULL OR EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = p.review_id)
                            GROUP BY p.day_key""")
                    .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getInt(2)))
                    .forEach(e -> days.merge(e.getKey(), e.getValue(), Integer::sum));
            return days;
        });
    }

    /** The carried-over record with the latest date, from the card files that carry one (DESIGN section 6). */
    public Optional<CarriedRecord> carriedRecord() {
        return CarriedRecord.latest(jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.current_streak, r.best_streak, r.total_days, r.as_of
                        FROM carried_records r JOIN cards c ON c.id = r.card_id WHERE c.archived = 0""")
                .map((rs, ctx) ->
                        new CarriedRecord(rs.getInt(1), rs.getInt(2), rs.getInt(3), LocalDate.parse(rs.getString(4))))
                .list()));
    }

    /** Reviews of cards in the review state since a day, and how many of them passed (rating above Again). */
    public record Retention(int reviews, int passed) {
        public Optional<Double> share() {
            return reviews == 0 ? Optional.empty() : Optional.of((double) passed / reviews);
        }
    }

    /** Due instants of active cards' schedules before a moment, for the forecast. */
    public List<Instant> duesBefore(Instant until) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.due FROM card_schedules s JOIN cards c ON c.id = s.card_id
                        WHERE c.archived = 0 AND s.due < :until""")
                .bind("until", until.toEpochMilli())
                .mapTo(Long.class)
                .map(Instant::ofEpochMilli)
                .list());
    }
}
