package dev.gradientdeck.streaks;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** All SQL behind streaks and stats: activity per day key, the carried record, retention and upcoming dues. */
public final class StreakRepository {
    private final Jdbi jdbi;

    public StreakRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Reviews and practice answers per day key, as stored when they happened. Reviews are counted from the day index and the
     * few undone ones taken off, which reads index pages only; a practice answer counts on its own until its self-rating adds
     * a review, which then counts instead (never both).
     */
    public Map<LocalDate, Integer> activityPerDay() {
        return jdbi.withHandle(h -> {
            Map<LocalDate, Integer> days = new TreeMap<>();
            h.createQuery("SELECT day_key, count(*) FROM reviews GROUP BY day_key")
                    .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getInt(2)))
                    .forEach(e -> days.merge(e.getKey(), e.getValue(), Integer::sum));
            h.createQuery("SELECT r.day_key, count(*) FROM review_undos u JOIN reviews r ON r.id = u.review_id GROUP BY r.day_key")
                    .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getInt(2)))
                    .forEach(e -> days.merge(e.getKey(), -e.getValue(), Integer::sum));
            h.createQuery("""
                            SELECT p.day_key, count(*) FROM practice_attempts p
                            WHERE p.review_id IS NULL OR EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = p.review_id)
                            GROUP BY p.day_key""")
                    .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getInt(2)))
                    .forEach(e -> days.merge(e.getKey(), e.getValue(), Integer::sum));
            days.values().removeIf(n -> n <= 0);
            return days;
        });
    }

    /** The carried-over record with the latest date, from the card files that carry one (DESIGN section 6). */
    public Optional<CarriedRecord> carriedRecord() {
        return CarriedRecord.latest(jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.current_streak, r.best_streak, r.total_days, r.as_of
                        FROM carried_records r JOIN cards c ON c.id = r.card_id WHERE c.archived = 0""")
                .map((rs, ctx) -> new CarriedRecord(rs.getInt(1), rs.getInt(2), rs.getInt(3), LocalDate.parse(rs.getString(4))))
                .list()));
    }

    /** Reviews of cards in the review state since a day, and how many of them passed (rating above Again). */
    public record Retention(int reviews, int passed) {
        public Optional<Double> share() {
            return reviews == 0 ? Optional.empty() : Optional.of((double) passed / reviews);
        }
    }

    public Retention retentionSince(LocalDate firstDay) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*), coalesce(sum(CASE WHEN r.rating > 1 THEN 1 ELSE 0 END), 0) FROM reviews r
                        WHERE r.state_before = 'review' AND r.day_key >= :first
                        AND NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)""")
                .bind("first", firstDay.toString())
                .map((rs, ctx) -> new Retention(rs.getInt(1), rs.getInt(2))).one());
    }

    /** Due instants of active cards' schedules before a moment, for the forecast. */
    public List<Instant> duesBefore(Instant until) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.due FROM card_schedules s JOIN cards c ON c.id = s.card_id
                        WHERE c.archived = 0 AND s.due < :until""")
                .bind("until", until.toEpochMilli()).mapTo(Long.class).map(Instant::ofEpochMilli).list());
    }
}
