package dev.gradientdeck.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.review.Fsrs;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.Rating;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler API against the real server: a learner with a strong memory fits, accepts, and is scheduled by the fit. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static RunningApp app;
    static long fitId;

    @BeforeAll
    static void learn() throws Exception {
        SimulatedLearner.deck(dir, 120);
        java.nio.file.Files.writeString(dir.resolve("cards/fresh.md"), "# Fresh\n# Question\nNew?\n# Answer\nYes.\n");
        app = RunningApp.start(dir, Clock.systemUTC());
        new SimulatedLearner(SimulatedLearner.strongMemory(), 11).study(app, 200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static JsonNode waitForFit(long id) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode fit = json(app.get("/api/scheduler/fits/" + id));
            if (!fit.get("status").asText().equals("running")) return fit;
            Thread.sleep(100);
        }
        throw new AssertionError("fit " + id + " did not finish within two minutes");
    }

    @Test
    @Order(1)
    void startsOnTheDefaults() throws Exception {
        JsonNode inUse = json(app.get("/api/scheduler"));
        assertTrue(inUse.get("defaults").asBoolean());
        assertEquals(0.9, inUse.get("desiredRetention").asDouble());
        assertEquals(21, inUse.get("weights").size());
        assertTrue(inUse.get("trainingItems").asInt() >= 64, inUse.toString());
        assertEquals(0, inUse.get("reviewsNeeded").asInt());
    }

    @Test
    @Order(2)
    void aFitRunsInTheBackgroundAndIsProposedWhenItPredictsHeldOutReviewsBetter() throws Exception {
        HttpResponse<String> started = app.send("POST", "/api/scheduler/fits", null);
        assertEquals(202, started.statusCode(), started.body());
        fitId = json(started).get("id").asLong();
        assertEquals(
                "/api/scheduler/fits/" + fitId,
                started.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> again = app.send("POST", "/api/scheduler/fits", null);
        JsonNode fit = waitForFit(fitId);
        if (again.statusCode() == 409)
            assertTrue(json(again).get("error").asText().contains(String.valueOf(fitId)));
        assertEquals("done", fit.get("status").asText(), fit.toString());
        JsonNode report = fit.get("report");
        assertEquals("ALL_WEIGHTS", report.get("depth").asText());
        assertTrue(fit.get("loss").size() >= 5, "a loss point per step");
        JsonNode figures = report.get("figures");
        assertTrue(figures.get("heldOutFitted").get("logLoss").asDouble()
                < figures.get("heldOutCurrent").get("logLoss").asDouble());
        assertTrue(report.get("proposed").asBoolean());
        // The learner remembers far longer than the defaults assume, and the fit sees it.
        assertTrue(
                report.get("stabilityRatio").asDouble() > 1.3,
                report.get("stabilityRatio").toString());
        assertTrue(fit.get("weights").get(2).asDouble() > FsrsSettings.DEFAULT_WEIGHTS.get(2));
    }

    @Test
    @Order(3)
    void acceptingUsesTheWeightsForEveryNextAnswerAndRederivesMemoryButKeepsDueDates() throws Exception {
        long cardId = -1;
        for (JsonNode c : json(app.get("/api/cards")))
            if (cardId < 0 && c.get("slug").asText().startsWith("sim/"))
                cardId = c.get("id").asLong();
        JsonNode before = json(app.get("/api/cards/" + cardId));
        HttpResponse<String> put = app.send("PUT", "/api/scheduler", "{\"fitId\": " + fitId + "}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode inUse = json(put);
        assertEquals(fitId, inUse.get("fitId").asLong());
        assertFalse(inUse.get("defaults").asBoolean());
        List<Double> weights = new ArrayList<>();
        inUse.get("weights").forEach(w -> weights.add(w.asDouble()));

        JsonNode after = json(app.get("/api/cards/" + cardId));
        assertEquals(before.get("due").asText(), after.get("due").asText(), "due dates stay unless asked");
        assertNotEquals(
                before.get("stability").asDouble(), after.get("stability").asDouble());

        // A new card answered Good now starts from the fitted first stability and difficulty; a second Good the same
        // day
        // moves it by the fitted same-day weights.
        long fresh = -1;
        for (JsonNode c : json(app.get("/api/cards")))
            if (c.get("slug").asText().equals("fresh")) fresh = c.get("id").asLong();
        Fsrs fitted = new Fsrs(new FsrsSettings(weights, 0.9, List.of(), List.of(), 36500, true, false));
        JsonNode first = json(app.send("POST", "/api/cards/" + fresh + "/reviews", "{\"rating\": 3}"));
        Memory expected = fitted.initialMemory(Rating.GOOD);
        assertEquals(weights.get(2), first.get("stability").asDouble(), 1e-12);
        assertEquals(expected.difficulty(), first.get("difficulty").asDouble(), 1e-12);
        JsonNode second = json(app.send("POST", "/api/cards/" + fresh + "/reviews", "{\"rating\": 3}"));
        assertEquals(
                fitted.nextMemory(expected, 0, Rating.GOOD).stability(),
                second.get("stability").asDouble(),
                1e-12);
    }

    @Test
    @Order(4)
    void restoringTheDefaultsAndChangingRetention() throws Exception {
        assertEquals(
                200,
                app.send("PUT", "/api/settings", "{\"desiredRetention\": 0.85}").statusCode());
        JsonNode back = json(app.send("PUT", "/api/scheduler", "{\"fitId\": null}"));
        assertTrue(back.get("defaults").asBoolean());
        assertEquals(
                0.85,
                back.get("desiredRetention").asDouble(),
                "the scheduler aims at the retention set in the settings");
        JsonNode restored = json(app.send("PUT", "/api/scheduler", "{\"fitId\": " + fitId + ", \"reschedule\": true}"));
        assertEquals(fitId, restored.get("fitId").asLong());
        assertEquals(0.85, restored.get("desiredRetention").asDouble(), "retention is kept when weights change");
    }

    @Test
    @Order(5)
    void badInputIsRefusedAndChangesNothing() throws Exception {
        JsonNode before = json(app.get("/api/scheduler"));
        assertEquals(
                400, app.send("PUT", "/api/scheduler", "{\"weights\": [1]}").statusCode());
        HttpResponse<String> retention = app.send("PUT", "/api/scheduler", "{\"desiredRetention\": 0.8}");
        assertEquals(400, retention.statusCode());
        assertTrue(retention.body().contains("/api/settings"), "a retention sent here says where it belongs");
        HttpResponse<String> low = app.postForm("/scheduler/retention", "retention=50");
        assertEquals(400, low.statusCode());
        assertTrue(low.body().contains("0.7"), low.body());
        assertEquals(
                400, app.send("PUT", "/api/scheduler", "{\"fitId\": \"x\"}").statusCode());
        assertEquals(400, app.send("PUT", "/api/scheduler", "not json").statusCode());
        assertEquals(404, app.send("PUT", "/api/scheduler", "{\"fitId\": 999}").statusCode());
        assertEquals(404, app.get("/api/scheduler/fits/999").statusCode());
        assertEquals(404, app.get("/api/scheduler/fits/abc").statusCode());
        HttpResponse<String> words = app.postForm("/scheduler/retention", "retention=ninety");
        assertEquals(400, words.statusCode());
        assertTrue(
                words.body().contains("retention is not a number (sent &#39;ninety&#39;)")
                        || words.body().contains("retention is not a number (sent 'ninety')"),
                words.body());
        HttpResponse<String> from = app.get("/api/scheduler/fits/" + fitId + "?from=-3");
        assertEquals(400, from.statusCode());
        assertEquals(
                "from must be 0 or more (sent '-3').", json(from).get("error").asText());
        assertEquals(400, app.postForm("/scheduler/use", "fitId=latest").statusCode());
        JsonNode after = json(app.get("/api/scheduler"));
        assertEquals(before.get("weights"), after.get("weights"));
        assertEquals(before.get("desiredRetention"), after.get("desiredRetention"));
    }

    @Test
    @Order(6)
    void workloadGrowsWithRetention() throws Exception {
        JsonNode workload = json(app.get("/api/scheduler/workload")).get("reviewsPerDay");
        assertEquals(28, workload.size());
        assertEquals(0.70, workload.get(0).get(0).asDouble(), 1e-9);
        assertEquals(0.97, workload.get(27).get(0).asDouble(), 1e-9);
        assertTrue(
                workload.get(27).get(1).asDouble()
                        > 1.5 * workload.get(0).get(1).asDouble(),
                workload.toString());
    }
}
