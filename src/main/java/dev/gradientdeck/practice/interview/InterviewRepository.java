package dev.gradientdeck.practice.interview;

import dev.gradientdeck.practice.interview.Interview.Question;
import dev.gradientdeck.practice.interview.Interview.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of mock interviews: the interview, its questions in order, the answer to each. */
public final class InterviewRepository {

    /** Simulation cards are answered on the review page, not by talking. */
    private static final String ASKABLE = "c.archived = 0 AND c.kind <> 'descent'";

    private final Jdbi jdbi;

    public InterviewRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Askable cards of a deck, with a tag, or any: least recently practised first, ties at random. */
    public List<Long> pick(Source source, String value, int count) {
        String filter = switch (source) {
            case DECK -> " AND c.deck = :value COLLATE NOCASE";
            case TAG ->
                " AND EXISTS (SELECT 1 FROM card_tags t WHERE t.card_id = c.id AND t.tag = :value COLLATE NOCASE)";
            case ALL, DUE -> "";
        };
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT c.id, (SELECT max(a.created_at) FROM practice_attempts a WHERE a.card_id = c.id) AS last"
                                + " FROM cards c WHERE "
                                + ASKABLE
                                + filter
                                + " ORDER BY last IS NOT NULL, last, random() LIMIT :count")
                .bind("value", value)
                .bind("count", count)
                .mapTo(Long.class)
                .list());
    }

    /** Every askable card, for choosing the due ones. */
    public List<Long> askable() {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.id FROM cards c WHERE " + ASKABLE + " ORDER BY c.id")
                .mapTo(Long.class)
                .list());
    }

    public List<String> decks() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT c.deck FROM cards c WHERE " + ASKABLE + " ORDER BY c.deck COLLATE NOCASE")
                .mapTo(String.class)
                .list());
    }

    public List<String> tags() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT DISTINCT t.tag FROM card_tags t JOIN cards c ON c.id = t.card_id WHERE "
                                + ASKABLE
                                + " ORDER BY t.tag COLLATE NOCASE")
                        .mapTo(String.class)
                        .list());
    }

    public long create(
            Instant at, LocalDate day, Source source, String value, int think, int answer, List<Long> cardIds) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
              INSERT INTO interviews (created_at, day_key, source, source_value, think_seconds, answer_seconds)
              VALUES (:at, :day, :source, :value, :think, :answer)""")
                    .bind("at", at.toString())
                    .bind("day", day.toString())
                    .bind("source", source.key())
                    .bind("value", value)
                    .bind("think", think)
                    .bind("answer", answer)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            var batch = h.prepareBatch(
                    "INSERT INTO interview_questions (interview_id, position, card_id) VALUES (?, ?, ?)");
            for (int i = 0; i < cardIds.size(); i++) {
                batch.add(id, i, cardIds.get(i));
            }
            batch.execute();
            return id;
        });
    }

    public Optional<Interview> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    /**
     * Records the answer to a question, and finishes the interview when it was the last; false when
     * the question was answered already (a second upload of the same answer).
     */
    public boolean answer(long id, long cardId, long attemptId, Instant at) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
              UPDATE interview_questions SET attempt_id = :attempt
              WHERE interview_id = :id AND card_id = :card AND attempt_id IS NULL""")
                    .bind("attempt", attemptId)
                    .bind("id", id)
                    .bind("card", cardId)
                    .execute();
            h.createUpdate("""
              UPDATE interviews SET finished_at = :at WHERE id = :id AND finished_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM interview_questions q WHERE q.interview_id = :id AND q.attempt_id IS NULL)""").bind("at", at.toString()).bind("id", id).execute();
            return changed == 1;
        });
    }

    /** Finished interviews before this one, newest first: what a report compares against. */
    public List<Interview> earlier(long id, int limit) {
        return jdbi.withHandle(h -> h
                .createQuery(
                        "SELECT id FROM interviews WHERE id < :id AND finished_at IS NOT NULL ORDER BY id DESC LIMIT :limit")
                .bind("id", id)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list()
                .stream()
                .map(other -> find(h, other).orElseThrow())
                .toList());
    }

    private static Optional<Interview> find(Handle h, long id) {
        List<Question> questions = h.createQuery(
                        "SELECT position, card_id, attempt_id FROM interview_questions WHERE interview_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> {
                    int position = rs.getInt("position");
                    long card = rs.getLong("card_id");
                    long attempt = rs.getLong("attempt_id");
                    return new Question(position, card, rs.wasNull() ? null : attempt);
                })
                .list();
        return h.createQuery("SELECT * FROM interviews WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    String finished = rs.getString("finished_at");
                    return new Interview(
                            rs.getLong("id"),
                            Instant.parse(rs.getString("created_at")),
                            LocalDate.parse(rs.getString("day_key")),
                            Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                            rs.getString("source_value"),
                            rs.getInt("think_seconds"),
                            rs.getInt("answer_seconds"),
                            finished == null ? null : Instant.parse(finished),
                            questions);
                })
                .findOne();
    }
}
