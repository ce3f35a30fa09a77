package dev.gradientdeck.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.fit.FitReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** All SQL of the scheduler's weights: the weights in use (one place), and every fit kept. */
public final class SchedulerRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public SchedulerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The weights every answer uses; {@code fitId} is null for the defaults, {@code since} null if never changed. */
    public record InUse(List<Double> weights, Long fitId, Instant since, String note) {
        public boolean defaults() {
            return weights.equals(FsrsSettings.DEFAULT_WEIGHTS);
        }
    }

    public InUse inUse() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT weights, fit_id, changed_at, note FROM scheduler_parameters
                        ORDER BY id DESC LIMIT 1""")
                .map((rs, ctx) -> new InUse(
                        weights(rs.getString(1)),
                        nullableLong(rs, 2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4)))
                .findOne()
                .orElseGet(() -> new InUse(FsrsSettings.DEFAULT_WEIGHTS, null, null, "FSRS-6 defaults")));
    }

    /**
     * Appends the parameters now in use. Called inside the transaction that re-derives the cards' memory: Jdbi hands a nested
     * call on the same thread the open handle, so this row commits or rolls back with the memories.
     */
    public void record(List<Double> weights, Long fitId, String note, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO scheduler_parameters (changed_at, weights, fit_id, note)
                        VALUES (:at, :weights, :fitId, :note)""")
                .bind("at", at.toEpochMilli())
                .bind("weights", json(weights))
                .bind("fitId", fitId)
                .bind("note", note)
                .execute());
    }

    /** A fit as kept: its report once finished, or why it did not finish. */
    public record StoredFit(
            long id,
            Instant startedAt,
            Instant finishedAt,
            String status,
            int reviews,
            int items,
            double[] weights,
            FitReport report,
            String message) {}

    public long startFit(Instant at) {
        return jdbi.withHandle(
                h -> h.createUpdate("INSERT INTO scheduler_fits (started_at, status) VALUES (:at, 'running')")
                        .bind("at", at.toEpochMilli())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    public void finishFit(long id, Instant at, FitReport report) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE scheduler_fits SET finished_at = :at, status = 'done', reviews = :reviews, items = :items,
                               weights = :weights, result = :result WHERE id = :id""")
                .bind("at", at.toEpochMilli())
                .bind("reviews", report.reviews())
                .bind("items", report.items())
                .bind("weights", json(Arrays.stream(report.weights()).boxed().toList()))
                .bind("result", json(report))
                .bind("id", id)
                .execute());
    }

    public void failFit(long id, Instant at, String status, String message) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE scheduler_fits SET finished_at = :at, status = :status, message = :message WHERE id = :id")
                .bind("at", at.toEpochMilli())
                .bind("status", status)
                .bind("message", message)
                .bind("id", id)
                .execute());
    }

    /** A fit that was running when the app stopped will never finish: it says so. */
    public void interruptRunning(Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE scheduler_fits SET status = 'interrupted', finished_at = :at,
                               message = 'The app stopped while this fit ran.' WHERE status = 'running'""").bind("at", at.toEpochMilli()).execute());
    }

    public Optional<StoredFit> fit(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM scheduler_fits WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> stored(rs, true))
                .findOne());
    }

    /** Every fit, newest first, without their full reports. */
    public List<StoredFit> fits() {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        SELECT id, started_at, finished_at, status, reviews, items, weights, NULL AS result, message
                        FROM scheduler_fits ORDER BY id DESC""").map((rs, ctx) -> stored(rs, false)).list());
    }

    private static StoredFit stored(ResultSet rs, boolean withReport) throws SQLException {
        String weights = rs.getString("weights");
        String result = rs.getString("result");
        Long finished = nullableLong(rs, rs.findColumn("finished_at"));
        return new StoredFit(
                rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                finished == null ? null : Instant.ofEpochMilli(finished),
                rs.getString("status"),
                rs.getInt("reviews"),
                rs.getInt("items"),
                weights == null
                        ? null
                        : weights(weights).stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray(),
                withReport && result != null ? read(result, FitReport.class) : null,
                rs.getString("message"));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static List<Double> weights(String json) {
        return Arrays.stream(read(json, double[].class)).boxed().toList();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
