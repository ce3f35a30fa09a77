package dev.gradientdeck.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** All SQL of reviewing: the append-only log, its undos, the derived schedules and the queue. */
public final class ReviewRepository {
    private final Jdbi jdbi;

    public ReviewRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A card as the review loop needs it: whether it can be reviewed, when it was added, and its schedule. */
    public record ReviewCard(long id, boolean archived, Instant createdAt, Schedule schedule) {}

    /** One logged answer as stored. */
    public record LoggedReview(
            long id,
            long cardId,
            Instant reviewedAt,
            LocalDate dayKey,
            Rating rating,
            String stateBefore,
            Schedule after,
            long elapsedDays,
            long scheduledDays,
            long fuzzSeed,
            Long durationMs,
            String requestId) {}

    public <T> T inTransaction(java.util.function.Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }

    public Optional<ReviewCard> card(Handle h, long cardId) {
        return h.createQuery("""
                        SELECT c.id, c.archived, c.created_at, s.state, s.step, s.stability, s.difficulty, s.due, s.last_review,
                               s.reps, s.lapses
                        FROM cards c LEFT JOIN card_schedules s ON s.card_id = c.id WHERE c.id = :id""")
                .bind("id", cardId)
                .map((rs, ctx) -> {
                    Instant created = Instant.parse(rs.getString("created_at"));
                    return new ReviewCard(rs.getLong("id"), rs.getBoolean("archived"), created, schedule(rs, created));
                })
                .findOne();
    }

    public Optional<ReviewCard> card(long cardId) {
        return jdbi.withHandle(h -> card(h, cardId));
    }

    private static Schedule schedule(ResultSet rs, Instant createdAt) throws SQLException {
        String state = rs.getString("state");
        if (state == null) return Schedule.fresh(createdAt);
        Memory memory = new Memory(rs.getDouble("stability"), rs.getDouble("difficulty"));
        return new Schedule(
                CardState.of(state, rs.getInt("step"), memory),
                Instant.ofEpochMilli(rs.getLong("due")),
                Instant.ofEpochMilli(rs.getLong("last_review")),
                rs.getInt("reps"),
                rs.getInt("lapses"));
    }

    public Optional<LoggedReview> byRequestId(Handle h, String requestId) {
        return h.createQuery(
                        LOG_SELECT
                                + " WHERE r.request_id = :requestId AND NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)")
                .bind("requestId", requestId)
                .map((rs, ctx) -> logged(rs))
                .findOne();
    }

    private static final String LOG_SELECT = """
            SELECT r.* FROM reviews r""";

    private static LoggedReview logged(ResultSet rs) throws SQLException {
        Instant at = Instant.ofEpochMilli(rs.getLong("reviewed_at"));
        Memory memory = new Memory(rs.getDouble("stability"), rs.getDouble("difficulty"));
        Schedule after = new Schedule(
                CardState.of(rs.getString("state_after"), rs.getInt("step_after"), memory),
                Instant.ofEpochMilli(rs.getLong("due")),
                at,
                rs.getInt("reps"),
                rs.getInt("lapses"));
        long duration = rs.getLong("duration_ms");
        boolean noDuration = rs.wasNull();
        return new LoggedReview(
                rs.getLong("id"),
                rs.getLong("card_id"),
                at,
                LocalDate.parse(rs.getString("day_key")),
                Rating.of(rs.getInt("rating")),
                rs.getString("state_before"),
                after,
                rs.getLong("elapsed_days"),
                rs.getLong("scheduled_days"),
                rs.getLong("fuzz_seed"),
                noDuration ? null : duration,
                rs.getString("request_id"));
    }

    /** The card's answers that still count (not undone), oldest first: the log its schedule is derived from. */
    public List<LoggedReview> activeLog(Handle h, long cardId) {
        return h.createQuery(LOG_SELECT + """
                         WHERE r.card_id = :cardId AND NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)
                        ORDER BY r.id""")
                .bind("cardId", cardId)
                .map((rs, ctx) -> logged(rs))
                .list();
    }

    public Optional<LoggedReview> lastActive(Handle h) {
        return h.createQuery(LOG_SELECT + """
                         WHERE NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)
                        ORDER BY r.id DESC LIMIT 1""").map((rs, ctx) -> logged(rs)).findOne();
    }

    public long append(
            Handle h,
            long cardId,
            Instant at,
            LocalDate dayKey,
            Rating rating,
            String stateBefore,
            Outcome outcome,
            long elapsedDays,
            long fuzzSeed,
            Long durationMs,
            String requestId) {
        Schedule after = outcome.schedule();
        Memory memory = memoryOf(after.state());
        return h.createUpdate("""
                        INSERT INTO reviews (card_id, reviewed_at, day_key, rating, state_before, state_after, step_after, stability,
                                             difficulty, elapsed_days, scheduled_days, due, reps, lapses, fuzz_seed, duration_ms, request_id)
                        VALUES (:cardId, :at, :dayKey, :rating, :before, :after, :step, :stability, :difficulty, :elapsed, :scheduled,
                                :due, :reps, :lapses, :seed, :duration, :requestId)""")
                .bind("cardId", cardId)
                .bind("at", at.toEpochMilli())
                .bind("dayKey", dayKey.toString())
                .bind("rating", rating.value())
                .bind("before", stateBefore)
                .bind("after", after.state().name())
                .bind("step", stepOf(after.state()))
                .bind("stability", memory.stability())
                .bind("difficulty", memory.difficulty())
                .bind("elapsed", elapsedDays)
                .bind("scheduled", outcome.scheduledDays())
                .bind("due", after.due().toEpochMilli())
                .bind("reps", after.reps())
                .bind("lapses", after.lapses())
                .bind("seed", fuzzSeed)
                .bind("duration", durationMs)
                .bind("requestId", requestId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    // ---- for answers given elsewhere (review.PastAnswers): times cross as Instants ----

    /** The card a logged answer belongs to, if the answer exists and still counts. */
    public Optional<Long> cardOfReview(Handle h, long reviewId) {
        return h.createQuery("""
                        SELECT r.card_id FROM reviews r
                        WHERE r.id = :id AND NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)""").bind("id", reviewId).mapTo(Long.class).findOne();
    }

    /**
     * A transaction for work that reads and then writes while other writers (the deck sync, an import) may commit in between.
     * Every transaction of the app takes SQLite's write lock when it begins (see db.Database), so this one waits its turn
     * under the busy timeout instead of failing with SQLITE_BUSY_SNAPSHOT.
     */
    public <T> T inWriteTransaction(java.util.function.Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }

    // ---- end ----

    public void markUndone(Handle h, long reviewId, Instant at) {
        h.execute("INSERT INTO review_undos (review_id, undone_at) VALUES (?, ?)", reviewId, at.toString());
    }

    /** Sets the derived schedule to the given log entry's result, or clears it when the card has no answers left. */
    public void saveSchedule(Handle h, long cardId, Optional<LoggedReview> latest) {
        h.execute("DELETE FROM card_schedules WHERE card_id = ?", cardId);
        if (latest.isEmpty()) return;
        Schedule s = latest.get().after();
        Memory memory = memoryOf(s.state());
        h.createUpdate("""
                        INSERT INTO card_schedules (card_id, state, step, stability, difficulty, due, last_review, reps, lapses, review_id)
                        VALUES (:cardId, :state, :step, :stability, :difficulty, :due, :lastReview, :reps, :lapses, :reviewId)""")
                .bind("cardId", cardId)
                .bind("state", s.state().name())
                .bind("step", stepOf(s.state()))
                .bind("stability", memory.stability())
                .bind("difficulty", memory.difficulty())
                .bind("due", s.due().toEpochMilli())
                .bind("lastReview", s.lastReview().toEpochMilli())
                .bind("reps", s.reps())
                .bind("lapses", s.lapses())
                .bind("reviewId", latest.get().id())
                .execute();
    }

    static Memory memoryOf(CardState state) {
        if (state instanceof CardState.Learning l) return l.memory();
        if (state instanceof CardState.Review r) return r.memory();
        if (state instanceof CardState.Relearning r) return r.memory();
        throw new IllegalArgumentException("a new card has no memory state");
    }

    static int stepOf(CardState state) {
        if (state instanceof CardState.Learning l) return l.step();
        if (state instanceof CardState.Relearning r) return r.step();
        return 0;
    }

    // ---- the queue ----

    /** Counts for the day: learning steps due within the learn-ahead window, review cards due by the end of the day, new cards still allowed. */
    public record QueueCounts(int learning, int due, int fresh) {
        public int total() {
            return learning + due + fresh;
        }
    }

    /**
     * Cards a queue may show: active, neither suspended nor buried today, and in the session's scope (a deck with its
     * sub-decks, or a tag).
     */
    private static String reviewable(QueueScope scope) {
        // Leading space: text blocks drop the trailing space of the line this is appended to.
        return " c.archived = 0 AND NOT EXISTS (SELECT 1 FROM card_holds hd WHERE hd.card_id = c.id"
                + " AND (hd.kind = 'suspended' OR hd.until_day >= :today))"
                + (scope.deck().isPresent()
                        ? " AND (c.deck = :deck OR substr(c.deck, 1, length(:deck) + 1) = :deck || '/')"
                        : "")
                + (scope.tag().isPresent()
                        ? " AND EXISTS (SELECT 1 FROM card_tags t WHERE t.card_id = c.id AND t.tag = :tag COLLATE NOCASE)"
                        : "");
    }

    private static Query scoped(Query query, QueueScope scope, LocalDate today) {
        query.bind("today", today.toString());
        scope.deck().ifPresent(d -> query.bind("deck", d));
        scope.tag().ifPresent(t -> query.bind("tag", t));
        return query;
    }

    /**
     * The counts of what {@link #next} will show today. Learning steps count once they are within the learn-ahead window, as
     * in Anki: such a step is shown when nothing else is left, so a learning card on screen is always counted.
     */
    public QueueCounts counts(
            QueueScope scope, Instant learnAheadUntil, Instant dayEnds, LocalDate today, int newPerDay) {
        return jdbi.withHandle(h -> {
            int learning = scoped(h.createQuery("""
                            SELECT count(*) FROM card_schedules s JOIN cards c ON c.id = s.card_id
                            WHERE s.state IN ('learning', 'relearning') AND s.due <= :until AND """ + reviewable(scope)), scope, today)
                    .bind("until", learnAheadUntil.toEpochMilli())
                    .mapTo(Integer.class)
                    .one();
            int due = scoped(h.createQuery("""
                            SELECT count(*) FROM card_schedules s JOIN cards c ON c.id = s.card_id
                            WHERE s.state = 'review' AND s.due < :dayEnds AND """ + reviewable(scope)), scope, today)
                    .bind("dayEnds", dayEnds.toEpochMilli())
                    .mapTo(Integer.class)
                    .one();
            int allowed = Math.max(0, newPerDay + extraNew(h, today) - newIntroduced(h, today));
            // Counting stops at the day's remaining allowance: a deck of thousands of new cards costs no more than ten.
            int fresh = scoped(h.createQuery("""
                            SELECT count(*) FROM (SELECT 1 FROM cards c WHERE NOT EXISTS (SELECT 1 FROM card_schedules s WHERE s.card_id = c.id)
                            AND """ + reviewable(scope) + " LIMIT :allowed)"), scope, today)
                    .bind("allowed", allowed)
                    .mapTo(Integer.class)
                    .one();
            return new QueueCounts(learning, due, fresh);
        });
    }

    /** New cards first answered today: the daily new-card limit counts these. */
    private static int newIntroduced(Handle h, LocalDate today) {
        return h.createQuery("""
                        SELECT count(DISTINCT r.card_id) FROM reviews r
                        WHERE r.day_key = :today AND r.state_before = 'new'
                        AND NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)""")
                .bind("today", today.toString())
                .mapTo(Integer.class)
                .one();
    }

    /** Extra new cards the learner asked for today ("study more"), on top of the daily limit. */
    private static int extraNew(Handle h, LocalDate today) {
        return h.createQuery("SELECT coalesce(sum(cards), 0) FROM extra_new_cards WHERE day_key = :today")
                .bind("today", today.toString())
                .mapTo(Integer.class)
                .one();
    }

    /** New cards the scope still holds beyond today's limit, counted up to {@code atMost}: what "study more" can add. */
    public int newWaiting(QueueScope scope, LocalDate today, int atMost) {
        return jdbi.withHandle(h -> scoped(h.createQuery("""
                        SELECT count(*) FROM (SELECT 1 FROM cards c WHERE NOT EXISTS (SELECT 1 FROM card_schedules s WHERE s.card_id = c.id)
                        AND """ + reviewable(scope) + " LIMIT :most)"), scope, today)
                .bind("most", atMost)
                .mapTo(Integer.class)
                .one());
    }

    /**
     * The next card to show: a learning step that has come, then the most overdue review card, then a new card while the
     * day's limit allows; with nothing else left, a learning step due within the learn-ahead window (as Anki does), except
     * a descent card just answered: its exercise would come straight back. {@code skip} is a card the learner put off
     * for now (0 for none).
     */
    public Optional<Long> next(
            QueueScope scope,
            Instant now,
            Instant dayEnds,
            LocalDate today,
            int newPerDay,
            Instant learnAheadUntil,
            long skip) {
        return jdbi.withHandle(h -> {
            Optional<Long> learning = scoped(
                            h.createQuery(
                                    """
                            SELECT s.card_id FROM card_schedules s JOIN cards c ON c.id = s.card_id
                            WHERE s.state IN ('learning', 'relearning') AND s.due <= :now AND """ + reviewable(scope) + " AND c.id <> :skip ORDER BY s.due, s.card_id LIMIT 1"),
                            scope,
                            today)
                    .bind("skip", skip)
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .findOne();
            if (learning.isPresent()) return learning;
            Optional<Long> review = scoped(
                            h.createQuery(
                                    """
                            SELECT s.card_id FROM card_schedules s JOIN cards c ON c.id = s.card_id
                            WHERE s.state = 'review' AND s.due < :dayEnds AND """ + reviewable(scope) + " AND c.id <> :skip ORDER BY s.due, s.card_id LIMIT 1"),
                            scope,
                            today)
                    .bind("skip", skip)
                    .bind("dayEnds", dayEnds.toEpochMilli())
                    .mapTo(Long.class)
                    .findOne();
            if (review.isPresent()) return review;
            if (newIntroduced(h, today) < newPerDay + extraNew(h, today)) {
                Optional<Long> fresh = scoped(
                                h.createQuery("""
                                SELECT c.id FROM cards c WHERE NOT EXISTS (SELECT 1 FROM card_schedules s WHERE s.card_id = c.id)
                                AND """ + reviewable(scope) + " AND c.id <> :skip ORDER BY c.id LIMIT 1"),
                                scope,
                                today)
                        .bind("skip", skip)
                        .mapTo(Long.class)
                        .findOne();
                if (fresh.isPresent()) return fresh;
            }
            return scoped(h.createQuery("""
                            SELECT s.card_id FROM card_schedules s JOIN cards c ON c.id = s.card_id
                            WHERE s.state IN ('learning', 'relearning') AND s.due <= :until AND """ + reviewable(scope) + """
                             AND c.id <> :skip AND NOT (c.descent_spec IS NOT NULL AND c.id = (
                               SELECT r.card_id FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)
                               ORDER BY r.id DESC LIMIT 1))
                            ORDER BY s.due, s.card_id LIMIT 1"""), scope, today)
                    .bind("skip", skip)
                    .bind("until", learnAheadUntil.toEpochMilli())
                    .mapTo(Long.class)
                    .findOne();
        });
    }

    /** The earliest learning or relearning step due after a moment, if any: when the queue next changes by itself. */
    public Optional<Instant> firstStepDueAfter(Instant moment) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.due FROM card_schedules s WHERE s.state IN ('learning', 'relearning') AND s.due > :moment
                        ORDER BY s.due LIMIT 1""")
                .bind("moment", moment.toEpochMilli())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    /** When the next card falls due after today's work is done, for the "done for today" page. */
    public Optional<Instant> nextDue(QueueScope scope, LocalDate today) {
        return jdbi.withHandle(
                h -> scoped(h.createQuery("""
                        SELECT s.due FROM card_schedules s JOIN cards c ON c.id = s.card_id WHERE """ + reviewable(scope) + " ORDER BY s.due LIMIT 1"), scope, today)
                        .mapTo(Long.class)
                        .findOne()
                        .map(Instant::ofEpochMilli));
    }

    /** The schedule of every card that has one, for the API's card list. */
    public java.util.Map<Long, String> states() {
        return jdbi.withHandle(h -> {
            java.util.Map<Long, String> states = new java.util.HashMap<>();
            h.createQuery("SELECT card_id, state FROM card_schedules")
                    .map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> states.put(e.getKey(), e.getValue()));
            return states;
        });
    }

    // ---- the review log as the scheduler's weight fit reads it (times as Instants; nothing else reads these tables
    // for it) ----

    /** One logged answer for the fit: the card's state before it says whether it was a learning answer. */
    public record LogLine(long cardId, Instant reviewedAt, int rating, String stateBefore, boolean undone) {}

    /** Every answer ever logged, undone ones marked, by card and then in the order they were given. */
    public List<LogLine> reviewLog() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.card_id, r.reviewed_at, r.rating, r.state_before,
                               EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id) AS undone
                        FROM reviews r ORDER BY r.card_id, r.id""")
                .map((rs, ctx) -> new LogLine(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getBoolean(5)))
                .list());
    }

    /** Each card's answers that still count, oldest first, as the scheduler replays them. */
    public java.util.Map<Long, List<ReviewEvent>> activeEvents(Handle h) {
        java.util.Map<Long, List<ReviewEvent>> byCard = new java.util.LinkedHashMap<>();
        h.createQuery("""
                        SELECT r.card_id, r.rating, r.reviewed_at, r.elapsed_days, r.fuzz_seed FROM reviews r
                        WHERE NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id) ORDER BY r.card_id, r.id""")
                .map((rs, ctx) -> java.util.Map.entry(
                        rs.getLong(1),
                        new ReviewEvent(
                                Rating.of(rs.getInt(2)),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getLong(4),
                                rs.getLong(5))))
                .forEach(e -> byCard.computeIfAbsent(e.getKey(), id -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return byCard;
    }

    /** Replaces a card's memory state (and its due time, when given) and keeps the rest of its schedule. */
    public void updateMemory(Handle h, long cardId, Memory memory, Instant due) {
        h.createUpdate("""
                        UPDATE card_schedules SET stability = :stability, difficulty = :difficulty, due = coalesce(:due, due)
                        WHERE card_id = :cardId""")
                .bind("stability", memory.stability())
                .bind("difficulty", memory.difficulty())
                .bind("due", due == null ? null : due.toEpochMilli())
                .bind("cardId", cardId)
                .execute();
    }

    /** A card of the deck as the workload simulator starts it: its memory and due time, or none for a new card. */
    public record DeckCard(String state, double stability, double difficulty, Instant due, Instant lastReview) {}

    /** Every active card, new ones with state "new". */
    public List<DeckCard> deckCards() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(s.state, 'new'), s.stability, s.difficulty, s.due, s.last_review
                        FROM cards c LEFT JOIN card_schedules s ON s.card_id = c.id WHERE c.archived = 0""")
                .map((rs, ctx) -> new DeckCard(
                        rs.getString(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getObject(4) == null ? null : Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getObject(5) == null ? null : Instant.ofEpochMilli(rs.getLong(5))))
                .list());
    }

    /**
     * Re-derives every active card's memory by replaying its log under the given settings: what a change of the scheduler's
     * weights means for cards already studied. Due dates stay unless the learner asks to reschedule.
     */
    int replayMemories(Handle h, FsrsSettings settings, boolean reschedule) {
        Map<Long, List<ReviewEvent>> logs = activeEvents(h);
        logs.forEach((cardId, events) -> replayMemory(h, cardId, events, settings, reschedule));
        return logs.size();
    }

    void replayMemory(Handle h, long cardId, List<ReviewEvent> events, FsrsSettings settings, boolean reschedule) {
        if (events.isEmpty()) return;
        Schedule replayed =
                Scheduler.replay(events, Schedule.fresh(events.get(0).reviewedAt()), settings);
        updateMemory(h, cardId, memoryOf(replayed.state()), reschedule ? replayed.due() : null);
    }
}
