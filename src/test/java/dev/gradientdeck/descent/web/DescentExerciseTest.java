package dev.gradientdeck.descent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.descent.engine.*;
import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.exercise.Exercise.Item;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.spec.*;
import dev.gradientdeck.descent.web.DescentRepository.StoredRun;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live exercise against the real server and SQLite: every prediction stored, a reload resuming
 * where the learner was, runs drawn from a stored seed and replayed exactly, and the grade reaching
 * the scheduler once.
 */
class DescentExerciseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = """
      problem: quadratic
      constants: {a: 2, c: 3}
      start: {w: 0}
      optimizer: {name: sgd, lr: 0.4}
      steps: 12
      predict: {steps: 3, ask: [gradient, params, direction]}
      randomize: {start.w: [-2, 2], optimizer.lr: [0.1, 0.4]}
      """;
    private static final String CARD =
            "# Oscillation\n# Question\nPredict three steps.\n\n```descent\n" + SPEC + "```\n\n# Answer\nIt zigzags.\n";

    @TempDir
    Path dir;

    RunningApp app;
    Database database;
    DescentRepository runs;
    long cardId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.systemUTC());
        app.write("gd/oscillation.md", CARD);
        app.send("POST", "/api/import", null);
        cardId = JSON.readTree(app.get("/api/cards").body()).get(0).get("id").asLong();
        database = Database.open(app.database);
        runs = new DescentRepository(database.jdbi());
    }

    @AfterEach
    void stop() {
        database.close();
        app.close();
    }

    HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(app.url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> predict(long run, int step, String action, Map<String, String> answers) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(
                Map.of("run", String.valueOf(run), "step", String.valueOf(step), "from", "page", "action", action));
        fields.putAll(answers);
        return form("/cards/" + cardId + "/descent/predict", fields);
    }

    static long hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in the page");
        return Long.parseLong(m.group(1));
    }

    Exercise exercise(long runId) {
        StoredRun run = runs.run(runId).orElseThrow();
        return Exercise.of(DescentSpecs.fromJson(run.specJson()), runs.attempts(runId), run.revealed());
    }

    Map<String, String> truths(Exercise ex, int step) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Item item : ex.items(step)) {
            answers.put(item.field(), ex.truthText(item));
        }
        return answers;
    }

    int predictions() {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM descent_predictions")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aRunIsDrawnFromAStoredSeedAndReplaysExactly() throws Exception {
        String page = app.get("/cards/" + cardId + "/descent").body();
        long runId = hidden(page, "run");
        StoredRun stored = runs.run(runId).orElseThrow();
        ValidSpec drawn = DescentSpecs.fromJson(stored.specJson());
        assertEquals(DescentSpecs.fromYaml(SPEC).randomized(stored.seed()), drawn, "the seed replays the drawn values");
        assertEquals((DescentSpecs.fromYaml(SPEC).randomized(stored.seed())).run(), drawn.run());
        assertTrue(page.contains("(seed " + stored.seed() + ")"), "the page names the seed");
        assertEquals(runId, hidden(app.get("/cards/" + cardId + "/descent").body(), "run"), "a reload keeps the run");
        assertEquals(runId, hidden(app.get("/cards/" + cardId).body(), "run"), "the card page works the same run");
    }

    @Test
    void everyPredictionIsStoredAndAReloadResumes() throws Exception {
        long runId = hidden(app.get("/cards/" + cardId + "/descent").body(), "run");
        Exercise ex = exercise(runId);
        double gradient = ex.truth(new Item(1, "gradient", "w"));

        HttpResponse<String> wrong = predict(runId, 1, "check", Map.of("gradient.w", String.valueOf(gradient * 2 + 1)));
        assertEquals(303, wrong.statusCode());
        assertEquals(
                "/cards/" + cardId + "/descent#step-1",
                wrong.headers().firstValue("Location").orElseThrow());
        assertEquals(1, predictions());
        assertEquals(0, runs.run(runId).orElseThrow().revealed(), "a miss reveals nothing");

        String resumed = app.get("/cards/" + cardId + "/descent").body();
        assertEquals(runId, hidden(resumed, "run"));
        assertTrue(
                resumed.contains("not within 2% of the gradient: too "), "the miss is shown, without the true value");

        assertEquals(
                400, predict(runId, 1, "check", Map.of("params.w", "a lot")).statusCode());
        assertEquals(400, predict(runId, 1, "check", Map.of()).statusCode(), "nothing typed and nothing revealed");
        assertEquals(1, predictions(), "a refused form stores nothing");

        assertEquals(303, predict(runId, 1, "check", truths(ex, 1)).statusCode());
        assertEquals(1, runs.run(runId).orElseThrow().revealed(), "all right: the step reveals itself");
        List<Exercise.Attempt> stored = runs.attempts(runId);
        assertEquals(4, stored.size(), "the miss, then gradient, params and direction");
        assertFalse(stored.get(0).correct());
        assertTrue(stored.subList(1, 4).stream().allMatch(Exercise.Attempt::correct));
        assertEquals(ex.truthText(new Item(1, "params", "w")), stored.get(2).truth());

        String reloaded = app.get("/cards/" + cardId + "/descent").body();
        assertTrue(reloaded.contains("id=\"step-2\""), "the learner is at step 2 after a reload");
        assertEquals(2, hidden(reloaded, "step"));
        assertTrue(reloaded.contains("right on try 2"));

        assertEquals(303, predict(runId, 1, "check", truths(ex, 1)).statusCode(), "a stale form from another tab");
        assertEquals(4, predictions(), "is ignored");
    }

    @Test
    void theGradeReachesTheSchedulerOnceAndTheNextReviewDrawsAFreshRun() throws Exception {
        long runId = hidden(app.get("/cards/" + cardId + "/descent").body(), "run");
        Exercise ex = exercise(runId);
        assertEquals(
                409,
                form("/cards/" + cardId + "/descent/grade", Map.of("run", String.valueOf(runId), "rating", "3"))
                        .statusCode(),
                "grading before the steps are done");
        predict(runId, 1, "check", truths(ex, 1));
        predict(runId, 2, "reveal", Map.of());
        predict(runId, 3, "check", Map.of("gradient.w", "12345"));
        predict(runId, 3, "reveal", Map.of());
        Exercise done = exercise(runId);
        assertTrue(done.done());
        assertEquals(new Exercise.Score(3, 9), done.score());

        String page = app.get("/cards/" + cardId + "/descent").body();
        assertTrue(page.contains("3 of 9 predictions right on the first try (33%)"));
        assertTrue(page.contains("grade grade-1 suggested"), "33% suggests Again");

        assertEquals("new", state());
        HttpResponse<String> graded = form(
                "/cards/" + cardId + "/descent/grade",
                Map.of("run", String.valueOf(runId), "rating", "3", "from", "review"));
        assertEquals(303, graded.statusCode());
        assertEquals("/review", graded.headers().firstValue("Location").orElseThrow());
        assertEquals("learning", state(), "the learner's choice (Good) overrides the suggestion");
        StoredRun finished = runs.run(runId).orElseThrow();
        assertNotNull(finished.finishedAt());
        assertEquals(3, finished.rating());
        assertNotNull(finished.reviewId());
        assertEquals(1, reviewsWithADayKey(), "one review in the log, on its day: it counts toward the streak");

        form("/cards/" + cardId + "/descent/grade", Map.of("run", String.valueOf(runId), "rating", "1"));
        assertEquals(1, reviewsWithADayKey(), "graded once");
        assertEquals(3, runs.run(runId).orElseThrow().rating());

        long next = hidden(app.get("/cards/" + cardId + "/descent").body(), "run");
        assertNotEquals(runId, next, "the next review is a new run");
        assertTrue(app.get("/cards/" + cardId + "/descent?run=" + runId).body().contains("You graded this run Good."));
    }

    @Test
    void badAddressesAndFormsAreClearRefusals() throws Exception {
        long runId = hidden(app.get("/cards/" + cardId + "/descent").body(), "run");
        assertEquals(404, app.get("/cards/" + cardId + "/descent?run=999").statusCode());
        assertEquals(404, app.get("/cards/abc/descent").statusCode());
        assertEquals(
                400,
                form("/cards/" + cardId + "/descent/grade", Map.of("run", String.valueOf(runId), "rating", "5"))
                        .statusCode());
        assertEquals(
                400,
                form("/cards/" + cardId + "/descent/predict", Map.of("run", "x", "step", "1"))
                        .statusCode());
        assertEquals(
                400,
                form("/cards/" + cardId + "/descent/predict", Map.of("run", String.valueOf(runId), "step", "one"))
                        .statusCode());
        app.write("plain.md", "# Plain\n# Question\nWhy?\n");
        app.send("POST", "/api/import", null);
        long plain = JSON.readTree(app.get("/api/cards?q=Plain").body())
                .get(0)
                .get("id")
                .asLong();
        assertEquals(404, app.get("/cards/" + plain + "/descent").statusCode());
        assertFalse(app.get("/cards/" + plain).body().contains("Live simulation"));
    }

    @Test
    void whatIfRunsBesideTheRunAndBadNumbersComeBackWithAMessage() throws Exception {
        long runId = hidden(app.get("/cards/" + cardId + "/descent").body(), "run");
        for (int t = 1; t <= 3; t++) {
            predict(runId, t, "reveal", Map.of());
        }
        String base = "/cards/" + cardId + "/descent?run=" + runId + "&optimizer=sgd&start.w=1&steps=3000";
        HttpResponse<String> diverged = app.get(base + "&lr=0.6");
        assertEquals(200, diverged.statusCode());
        assertTrue(diverged.body().contains("what-if diverged at step"), "the marker on the loss curve");
        assertTrue(diverged.body().contains("The what-if run diverged at step"));
        HttpResponse<String> bad = app.get(base + "&lr=fast");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'fast' is not a number"), "the message beside the field");
        assertTrue(bad.body().contains("value=\"fast\""), "the form comes back as typed");
        assertEquals(400, app.get(base + "&lr=-1").statusCode());
        assertEquals(
                400,
                app.get("/cards/" + cardId + "?run=" + runId + "&optimizer=sgd&lr=0.1&steps=0")
                        .statusCode(),
                "on the card page too");
    }

    int reviewsWithADayKey() {
        return database.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT count(*) FROM reviews WHERE card_id = :card AND day_key IS NOT NULL")
                                .bind("card", cardId)
                                .mapTo(Integer.class)
                                .one());
    }

    String state() throws Exception {
        return JSON.readTree(app.get("/api/cards/" + cardId).body())
                .get("state")
                .asText();
    }
}
