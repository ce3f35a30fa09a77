package dev.gradientdeck.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.review.ReviewEvent;
import dev.gradientdeck.review.Schedule;
import dev.gradientdeck.review.Scheduler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers arriving while the weights switch back and forth: none fails, and afterwards every card's memory is exactly the
 * replay of its log under the weights finally in use (read straight from the database and replayed here).
 */
class WeightSwitchConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void answersAndSwitchesMeetWithoutLosingConsistency() throws Exception {
        SimulatedLearner.deck(dir, 50);
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            new SimulatedLearner(SimulatedLearner.strongMemory(), 3).study(app, 120);
            long fit = JSON.readTree(
                            app.send("POST", "/api/scheduler/fits", null).body())
                    .get("id")
                    .asLong();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (JSON.readTree(app.get("/api/scheduler/fits/" + fit).body())
                    .get("status")
                    .asText()
                    .equals("running")) {
                if (System.nanoTime() > deadline) throw new AssertionError("the fit did not finish");
                Thread.sleep(100);
            }
            List<Long> cards = new ArrayList<>();
            for (JsonNode c : JSON.readTree(app.get("/api/cards").body()))
                cards.add(c.get("id").asLong());
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        long card = cards.get((thread * 17 + i * 7) % cards.size());
                        int status = app.send(
                                        "POST",
                                        "/api/cards/" + card + "/reviews",
                                        "{\"rating\": " + (1 + (i % 4)) + "}")
                                .statusCode();
                        if (status != 201) failures.incrementAndGet();
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    String body = i % 2 == 0 ? "{\"fitId\": " + fit + ", \"reschedule\": true}" : "{\"fitId\": null}";
                    if (app.send("PUT", "/api/scheduler", body).statusCode() != 200) failures.incrementAndGet();
                }
                return null;
            }));
            for (Future<?> f : work) f.get();
            pool.shutdown();
            assertEquals(0, failures.get(), "no answer or switch failed");

            List<Double> weights = new ArrayList<>();
            JSON.readTree(app.get("/api/scheduler").body()).get("weights").forEach(w -> weights.add(w.asDouble()));
            FsrsSettings settings = new FsrsSettings(
                    weights,
                    0.9,
                    FsrsSettings.defaults().learningSteps(),
                    FsrsSettings.defaults().relearningSteps(),
                    36500,
                    true,
                    false);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database);
                    Statement s = c.createStatement()) {
                Map<Long, List<ReviewEvent>> logs = new HashMap<>();
                try (ResultSet rs = s.executeQuery("""
                        SELECT card_id, rating, reviewed_at, elapsed_days, fuzz_seed FROM reviews r
                        WHERE NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id) ORDER BY card_id, id""")) {
                    while (rs.next()) {
                        logs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new ReviewEvent(
                                        Rating.of(rs.getInt(2)),
                                        Instant.ofEpochMilli(rs.getLong(3)),
                                        rs.getLong(4),
                                        rs.getLong(5)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT card_id, stability, difficulty FROM card_schedules")) {
                    int checked = 0;
                    while (rs.next()) {
                        List<ReviewEvent> log = logs.get(rs.getLong(1));
                        Schedule replayed =
                                Scheduler.replay(log, Schedule.fresh(log.get(0).reviewedAt()), settings);
                        double[] memory = memory(replayed);
                        assertEquals(
                                memory[0], rs.getDouble(2), 1e-9 * memory[0], "stability of card " + rs.getLong(1));
                        assertEquals(memory[1], rs.getDouble(3), 1e-9, "difficulty of card " + rs.getLong(1));
                        checked++;
                    }
                    assertEquals(cards.size(), checked);
                }
            }
        }
    }

    private static double[] memory(Schedule s) {
        if (s.state() instanceof dev.gradientdeck.review.CardState.Learning l)
            return new double[] {l.memory().stability(), l.memory().difficulty()};
        if (s.state() instanceof dev.gradientdeck.review.CardState.Review r)
            return new double[] {r.memory().stability(), r.memory().difficulty()};
        if (s.state() instanceof dev.gradientdeck.review.CardState.Relearning r)
            return new double[] {r.memory().stability(), r.memory().difficulty()};
        throw new IllegalStateException("an answered card has a memory");
    }
}
