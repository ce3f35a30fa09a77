package dev.gradientdeck.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.practice.PracticeAttempt.Mode;
import dev.gradientdeck.practice.PracticeAttempt.Point;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.coverage.KeyPoint;
import dev.gradientdeck.practice.coverage.PointCoverage;
import dev.gradientdeck.practice.measure.Filler;
import dev.gradientdeck.practice.measure.SpeechReport;
import dev.gradientdeck.practice.speech.TimedWord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** All SQL of practice mode: attempts, their checklists, and which cards a session asks. */
public final class PracticeRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TimedWord>> WORDS = new TypeReference<>() {};
    private static final TypeReference<List<Filler>> FILLERS = new TypeReference<>() {};

    /** Simulation cards are answered by predicting steps on the review page, not by talking. */
    private static final String PRACTICABLE = "c.archived = 0 AND c.kind <> 'descent'";

    private final Jdbi jdbi;

    public PracticeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record TagCount(String tag, int cards) {}

    /** An attempt as a history list shows it, without its words. */
    public record AttemptSummary(
            long id,
            long cardId,
            String cardTitle,
            Instant createdAt,
            LocalDate dayKey,
            Mode mode,
            Status status,
            Double durationSeconds,
            Double speakingSeconds,
            Double wordsPerMinute,
            Integer fillerCount,
            int pointCount,
            int pointsCovered,
            Integer rating) {}

    /** What is known the moment an answer arrives. */
    public record NewAttempt(
            long cardId,
            Instant createdAt,
            LocalDate dayKey,
            Mode mode,
            Status status,
            String statusMessage,
            String audioPath,
            Long audioBytes,
            Double durationSeconds,
            List<KeyPoint> points,
            Long interviewId) {}

    /**
     * What a transcript (or the typed text) showed; {@code timed} is false for typed answers, which
     * have no timings.
     */
    public record Measures(List<TimedWord> words, SpeechReport report, boolean timed, List<PointCoverage> coverage) {}

    // ---- choosing questions ----

    public List<TagCount> tags() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT t.tag, count(*) AS cards FROM card_tags t JOIN cards c ON c.id = t.card_id"
                                + " WHERE "
                                + PRACTICABLE
                                + " GROUP BY t.tag ORDER BY cards DESC, t.tag COLLATE NOCASE")
                        .map((rs, ctx) -> new TagCount(rs.getString("tag"), rs.getInt("cards")))
                        .list());
    }

    public int practicableCards() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM cards c WHERE " + PRACTICABLE)
                .mapTo(Integer.class)
                .one());
    }

    /**
     * Up to {@code count} cards with any of the tags (any card when none are given): never
     * practised first, then the longest unpractised, ties in random order, so daily sessions walk
     * through the whole deck.
     */
    public List<Long> pickCards(List<String> tags, int count) {
        String tagFilter = tags.isEmpty()
                ? ""
                : " AND EXISTS (SELECT 1 FROM card_tags t WHERE t.card_id = c.id AND t.tag COLLATE NOCASE IN (<tags>))";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(
                            "SELECT c.id, (SELECT max(a.created_at) FROM practice_attempts a WHERE a.card_id = c.id)"
                                    + " AS last_practised FROM cards c WHERE "
                                    + PRACTICABLE
                                    + tagFilter
                                    + " ORDER BY last_practised IS NOT NULL, last_practised, random() LIMIT :count")
                    .bind("count", count);
            if (!tags.isEmpty()) {
                query.bindList("tags", tags);
            }
            return query.map((rs, ctx) -> rs.getLong("id")).list();
        });
    }

    // ---- writing attempts ----

    /**
     * Stores an attempt with its checklist, and its measures when they are known already (a typed
     * answer).
     */
    public long insert(NewAttempt attempt, Optional<Measures> measures) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
              INSERT INTO practice_attempts (card_id, created_at, day_key, mode, status, status_message, audio_path,
                                             audio_bytes, duration_seconds, interview_id)
              VALUES (:cardId, :createdAt, :dayKey, :mode, :status, :message, :audioPath, :audioBytes, :duration,
                      :interviewId)""")
                    .bind("cardId", attempt.cardId())
                    .bind("createdAt", attempt.createdAt().toString())
                    .bind("dayKey", attempt.dayKey().toString())
                    .bind("mode", attempt.mode().key())
                    .bind("status", attempt.status().key())
                    .bind("message", attempt.statusMessage())
                    .bind("audioPath", attempt.audioPath())
                    .bind("audioBytes", attempt.audioBytes())
                    .bind("duration", attempt.durationSeconds())
                    .bind("interviewId", attempt.interviewId())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            if (!attempt.points().isEmpty()) {
                PreparedBatch points = h.prepareBatch(
                        "INSERT INTO practice_points (attempt_id, position, point, terms) VALUES (?, ?, ?, ?)");
                for (int i = 0; i < attempt.points().size(); i++) {
                    KeyPoint point = attempt.points().get(i);
                    points.add(id, i, point.text(), String.join(" ", point.terms()));
                }
                points.execute();
            }
            measures.ifPresent(m -> saveMeasures(h, id, m));
            return id;
        });
    }

    public void markStatus(long id, Status status, String message) {
        jdbi.useHandle(h -> h.execute(
                "UPDATE practice_attempts SET status = ?, status_message = ? WHERE id = ?", status.key(), message, id));
    }

    /** A recording with no voice: nothing is measured, and the level heard is kept for the message. */
    public void markNoSpeech(long id, double loudestDb, String message) {
        jdbi.useHandle(h -> h.execute(
                "UPDATE practice_attempts SET status = 'no_speech', status_message = ?, loudest_db = ? WHERE id = ?",
                message,
                loudestDb,
                id));
    }

    public void saveMeasures(long id, Measures measures) {
        jdbi.useTransaction(h -> saveMeasures(h, id, measures));
    }

    /**
     * The learner's own call on each point, saved earlier, is kept: the suggestion only fills
     * points not yet decided.
     */
    private static void saveMeasures(Handle h, long id, Measures m) {
        SpeechReport r = m.report();
        h.createUpdate("""
            UPDATE practice_attempts
            SET status = 'done', status_message = NULL, transcript = :transcript, words = :words,
                word_count = :wordCount, speaking_seconds = :speaking, words_per_minute = :wpm,
                filler_count = :fillerCount, fillers = :fillers, longest_pause_seconds = :pause
            WHERE id = :id""")
                .bind("transcript", r.transcript())
                .bind("words", toJson(m.words()))
                .bind("wordCount", r.wordCount())
                .bind("speaking", m.timed() ? r.speakingSeconds() : null)
                .bind("wpm", m.timed() ? r.wordsPerMinute() : null)
                .bind("fillerCount", r.fillerCount())
                .bind("fillers", toJson(r.fillers()))
                .bind("pause", m.timed() ? r.longestPauseSeconds() : null)
                .bind("id", id)
                .execute();
        PreparedBatch points = h.prepareBatch("""
        UPDATE practice_points SET suggested = ?, covered = coalesce(covered, ?), missing = ?, matched = ?
        WHERE attempt_id = ? AND position = ?""");
        for (int i = 0; i < m.coverage().size(); i++) {
            PointCoverage c = m.coverage().get(i);
            points.add(
                    c.covered(),
                    c.covered(),
                    String.join(" ", c.missingTerms()),
                    String.join(" ", c.matchedWords()),
                    id,
                    i);
        }
        if (!m.coverage().isEmpty()) {
            points.execute();
        }
    }

    /** Every point of the attempt becomes covered or not as the learner ticked it. */
    public void saveCoverage(long id, Set<Integer> coveredPositions) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch =
                    h.prepareBatch("UPDATE practice_points SET covered = ? WHERE attempt_id = ? AND position = ?");
            int points = pointCount(h, id);
            for (int i = 0; i < points; i++) {
                batch.add(coveredPositions.contains(i), id, i);
            }
            if (points > 0) {
                batch.execute();
            }
        });
    }

    /** Records the self-rating once; false when the attempt was rated already. */
    public boolean saveRating(long id, int rating, long reviewId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
            UPDATE practice_attempts SET rating = :rating, review_id = :reviewId, rated_at = :at
            WHERE id = :id AND rating IS NULL""")
                        .bind("rating", rating)
                        .bind("reviewId", reviewId)
                        .bind("at", at.toString())
                        .bind("id", id)
                        .execute()
                == 1);
    }

    // ---- reading attempts ----

    /**
     * Recordings still waiting for a transcript, oldest first: after a restart they are queued
     * again.
     */
    public List<Long> pending() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM practice_attempts WHERE status IN ('queued', 'transcribing') ORDER BY id")
                .mapTo(Long.class)
                .list());
    }

    public Optional<PracticeAttempt> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
            SELECT a.*, c.title FROM practice_attempts a JOIN cards c ON c.id = a.card_id WHERE a.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> attempt(rs, pointsOf(h, id)))
                .findOne());
    }

    /** Newest first; of one card, or of all cards. */
    public List<AttemptSummary> history(Optional<Long> cardId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
            SELECT a.id, a.card_id, c.title, a.created_at, a.day_key, a.mode, a.status, a.duration_seconds,
                   a.speaking_seconds, a.words_per_minute, a.filler_count, a.rating,
                   (SELECT count(*) FROM practice_points p WHERE p.attempt_id = a.id) AS point_count,
                   (SELECT count(*) FROM practice_points p WHERE p.attempt_id = a.id AND p.covered = 1) AS covered
            FROM practice_attempts a JOIN cards c ON c.id = a.card_id
            WHERE :cardId IS NULL OR a.card_id = :cardId
            ORDER BY a.id DESC LIMIT :limit""")
                .bind("cardId", cardId.orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> new AttemptSummary(
                        rs.getLong("id"),
                        rs.getLong("card_id"),
                        rs.getString("title"),
                        Instant.parse(rs.getString("created_at")),
                        LocalDate.parse(rs.getString("day_key")),
                        mode(rs.getString("mode")),
                        status(rs.getString("status")),
                        nullableDouble(rs, "duration_seconds"),
                        nullableDouble(rs, "speaking_seconds"),
                        nullableDouble(rs, "words_per_minute"),
                        nullableInt(rs, "filler_count"),
                        rs.getInt("point_count"),
                        rs.getInt("covered"),
                        nullableInt(rs, "rating")))
                .list());
    }

    /** Attempts and the distinct days they fall on, of one card or of all. */
    public record Totals(int attempts, int days) {}

    public Totals totals(Optional<Long> cardId) {
        return jdbi.withHandle(h -> h.createQuery("""
            SELECT count(*) AS attempts, count(DISTINCT day_key) AS days FROM practice_attempts
            WHERE :cardId IS NULL OR card_id = :cardId""")
                .bind("cardId", cardId.orElse(null))
                .map((rs, ctx) -> new Totals(rs.getInt("attempts"), rs.getInt("days")))
                .one());
    }

    private static int pointCount(Handle h, long id) {
        return h.createQuery("SELECT count(*) FROM practice_points WHERE attempt_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    private static List<Point> pointsOf(Handle h, long id) {
        return h.createQuery("""
            SELECT position, point, terms, suggested, covered, missing, matched FROM practice_points
            WHERE attempt_id = :id ORDER BY position""")
                .bind("id", id)
                .map((rs, ctx) -> new Point(
                        rs.getInt("position"),
                        rs.getString("point"),
                        split(rs.getString("terms")),
                        nullableBoolean(rs, "suggested"),
                        nullableBoolean(rs, "covered"),
                        split(rs.getString("missing")),
                        split(rs.getString("matched"))))
                .list();
    }

    private static PracticeAttempt attempt(ResultSet rs, List<Point> points) throws SQLException {
        String ratedAt = rs.getString("rated_at");
        return new PracticeAttempt(
                rs.getLong("id"),
                rs.getLong("card_id"),
                rs.getString("title"),
                Instant.parse(rs.getString("created_at")),
                LocalDate.parse(rs.getString("day_key")),
                mode(rs.getString("mode")),
                status(rs.getString("status")),
                rs.getString("status_message"),
                rs.getString("audio_path"),
                nullableDouble(rs, "duration_seconds"),
                rs.getString("transcript"),
                fromJson(rs.getString("words"), WORDS),
                nullableDouble(rs, "speaking_seconds"),
                nullableDouble(rs, "words_per_minute"),
                nullableInt(rs, "filler_count"),
                fromJson(rs.getString("fillers"), FILLERS),
                nullableDouble(rs, "longest_pause_seconds"),
                points,
                nullableInt(rs, "rating"),
                ratedAt == null ? null : Instant.parse(ratedAt),
                nullableDouble(rs, "loudest_db"),
                nullableLong(rs, "interview_id"));
    }

    private static Mode mode(String key) {
        return Mode.valueOf(key.toUpperCase(Locale.ROOT));
    }

    private static Status status(String key) {
        return Status.valueOf(key.toUpperCase(Locale.ROOT));
    }

    private static List<String> split(String spaced) {
        return spaced == null || spaced.isBlank() ? List.of() : Arrays.asList(spaced.split(" "));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value != 0;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static <T> List<T> fromJson(String json, TypeReference<List<T>> type) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored practice data is not the JSON expected: " + json, e);
        }
    }
}
