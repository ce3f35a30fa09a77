package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review API against the real server and a real SQLite file, with fuzz off as the reference implementations run. */
class ReviewApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    long addCard(String name) throws Exception {
        app.write(name + ".md", "# " + name + "\n# Question\nWhat is " + name + "?\n# Answer\nIt is " + name + ".\n");
        app.send("POST", "/api/import", null);
        for (JsonNode card : JSON.readTree(app.get("/api/cards").body())) {
            if (card.get("slug").asText().equals(name)) return card.get("id").asLong();
        }
        throw new AssertionError("card " + name + " was not imported");
    }

    JsonNode review(long cardId, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = app.send("POST", "/api/cards/" + cardId + "/reviews", body);
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    JsonNode card(long id) throws Exception {
        return JSON.readTree(app.get("/api/cards/" + id).body());
    }

    @Test
    void replayingEveryReferenceHistoryGivesTheReferenceMemoryAndTheSchedulersDue() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/fsrs/vectors-public.json")) {
            vectors = JSON.readTree(in);
        }
        int replayed = 0;
        for (JsonNode sequence : vectors.get("groups").get("memory_state_sequences")) {
            boolean defaults = "default".equals(sequence.path("parameters").asText("default"));
            if (!defaults || !sequence.path("enable_short_term").asBoolean(true)) continue;
            long cardId = addCard("seq-" + replayed);
            List<ReviewEvent> events = new ArrayList<>();
            for (JsonNode step : sequence.get("reviews")) {
                String at = step.get("review_utc").asText();
                JsonNode answer = review(
                        cardId,
                        "{\"rating\": " + step.get("rating").asInt() + ", \"reviewedAt\": \"" + at + "\"}",
                        201);
                assertEquals(
                        step.get("computed_stability").asDouble(),
                        answer.get("stability").asDouble(),
                        1e-4,
                        sequence.get("id") + " S");
                assertEquals(
                        step.get("computed_difficulty").asDouble(),
                        answer.get("difficulty").asDouble(),
                        1e-4,
                        sequence.get("id") + " D");

                // The due time is the pure scheduler's answer for the same history.
                events.add(new ReviewEvent(
                        Rating.of(step.get("rating").asInt()),
                        Instant.parse(at),
                        step.get("elapsed_days").asLong(),
                        cardId * 1_000_003L + events.size()));
                Schedule expected = Scheduler.replay(
                        events, Schedule.fresh(NOW), FsrsSettings.defaults().withFuzz(false));
                assertEquals(expected.due(), Instant.parse(answer.get("due").asText()), sequence.get("id") + " due");
                assertEquals(expected.state().name(), answer.get("state").asText());
            }
            JsonNode finalState = card(cardId);
            for (String field : List.of("stability", "difficulty")) {
                JsonNode expected = sequence.get("expected_final").get(field);
                if (expected != null)
                    assertEquals(
                            expected.asDouble(),
                            finalState.get(field).asDouble(),
                            1e-4,
                            sequence.get("id") + " final " + field);
            }
            replayed++;
        }
        assertTrue(replayed >= 3, "replayed " + replayed + " reference histories");
    }

    @Test
    void theWorkedExampleGraduatesAfterTwoGoods() throws Exception {
        long id = addCard("worked");
        JsonNode first = review(id, "{\"rating\": 3, \"reviewedAt\": \"2026-11-18T12:30:00Z\"}", 201);
        assertEquals("learning", first.get("state").asText());
        assertEquals("2026-11-18T12:40:00Z", first.get("due").asText());
        JsonNode second = review(id, "{\"rating\": 3, \"reviewedAt\": \"2026-11-18T12:40:00Z\"}", 201);
        assertEquals("review", second.get("state").asText());
        assertEquals(2, second.get("intervalDays").asInt());
        assertEquals("2026-11-20T12:40:00Z", second.get("due").asText());
        JsonNode third = review(id, "{\"rating\": 3, \"reviewedAt\": \"2026-11-20T12:40:00Z\"}", 201);
        assertEquals(10.971048, third.get("stability").asDouble(), 1e-4);
        assertEquals(11, third.get("intervalDays").asInt());
    }

    @Test
    void undoRestoresThePreviousScheduleExactly() throws Exception {
        long id = addCard("undo");
        review(id, "{\"rating\": 3, \"reviewedAt\": \"2026-11-19T10:00:00Z\"}", 201);
        review(id, "{\"rating\": 3, \"reviewedAt\": \"2026-11-19T10:10:00Z\"}", 201);
        JsonNode before = card(id);
        review(id, "{\"rating\": 1, \"reviewedAt\": \"2026-11-21T09:00:00Z\"}", 201);
        assertEquals("relearning", card(id).get("state").asText());
        HttpResponse<String> undo = app.send("DELETE", "/api/reviews/last", null);
        assertEquals(200, undo.statusCode(), undo.body());
        assertEquals(before, card(id));

        app.send("DELETE", "/api/reviews/last", null);
        app.send("DELETE", "/api/reviews/last", null);
        assertEquals("new", card(id).get("state").asText());
        HttpResponse<String> nothing = app.send("DELETE", "/api/reviews/last", null);
        assertEquals(404, nothing.statusCode());
        assertEquals(
                "There is no review to undo.",
                JSON.readTree(nothing.body()).get("error").asText());
    }

    @Test
    void aRepeatedRequestIdIsAppliedOnce() throws Exception {
        long id = addCard("idempotent");
        String body = "{\"rating\": 4, \"requestId\": \"tab-1-click-7\"}";
        JsonNode first = review(id, body, 201);
        JsonNode again = review(id, body, 200);
        assertEquals(first.get("reviewId"), again.get("reviewId"));
        assertEquals(first.get("due"), again.get("due"));
        assertTrue(again.get("repeated").asBoolean());
        assertEquals(1, card(id).get("reps").asInt());
    }

    @Test
    void badAnswersAreClear4xxAndChangeNothing() throws Exception {
        long id = addCard("strict");
        review(id, "{\"rating\": 3, \"reviewedAt\": \"2026-11-21T10:00:00Z\"}", 201);
        JsonNode before = card(id);

        assertTrue(review(id, "{\"rating\": 5}", 400).get("error").asText().contains("rating must be 1 (Again)"));
        assertTrue(review(id, "{\"rating\": 0}", 400).get("error").asText().contains("not '0'"));
        assertTrue(review(id, "{\"rating\": \"3\"}", 400).get("error").asText().contains("whole number"));
        String fraction = review(id, "{\"rating\": 3.5}", 400).get("error").asText();
        assertTrue(
                fraction.contains("whole number") && fraction.contains("3.5") && !fraction.contains("java."), fraction);
        assertTrue(review(id, "{\"rating\": 3, \"durationMs\": \"soon\"}", 400)
                .get("error")
                .asText()
                .contains("durationMs must be"));
        assertTrue(review(id, "{}", 400).get("error").asText().contains("missing"));
        assertTrue(review(id, "{\"rating\": 3, \"reviewedAt\": \"yesterday\"}", 400)
                .get("error")
                .asText()
                .contains("not an ISO instant"));
        assertTrue(review(id, "{\"rating\": 3, \"reviewedAt\": \"2026-11-21T09:00:00Z\"}", 409)
                .get("error")
                .asText()
                .contains("earlier than the card's last review"));
        assertTrue(review(id, "{\"rating\": 3, \"colour\": \"red\"}", 400)
                .get("error")
                .asText()
                .contains("colour"));
        assertTrue(review(id, "{\"rating\": 3", 400).get("error").asText().contains("not valid JSON"));
        assertTrue(review(id, "[3]", 400).get("error").asText().contains("JSON object"));
        assertTrue(review(id, "null", 400).get("error").asText().contains("JSON object"));
        assertEquals(
                404,
                app.send("POST", "/api/cards/9999/reviews", "{\"rating\": 3}").statusCode());

        assertEquals(before, card(id));
    }

    @Test
    void twoTabsGradingTheSameCardCountOnce() throws Exception {
        long id = addCard("two-tabs");
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.IntFunction<java.net.http.HttpResponse<String>> grade = rating -> {
            try {
                return http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/review/" + id + "/answer")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("rating=" + rating + "&reps=0"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        HttpResponse<String> first = grade.apply(3);
        HttpResponse<String> second = grade.apply(1);
        assertEquals("/review", first.headers().firstValue("Location").orElse(""));
        assertEquals(
                "/review?notice=already",
                second.headers().firstValue("Location").orElse(""),
                "the second tab is told");
        assertEquals(1, card(id).get("reps").asInt(), "counted once");
        assertEquals("learning", card(id).get("state").asText(), "the first grade (Good) won");
        assertTrue(app.get("/review?notice=already").body().contains("already graded"));
    }

    @Test
    void theNewCardLimitShapesTheQueueButNeverRefusesAnExplicitReview() throws Exception {
        for (int i = 0; i < 12; i++) addCard("c" + (i < 10 ? "0" : "") + i);
        String page = app.get("/review").body();
        assertTrue(page.contains("<strong>10</strong> new"), "the queue offers --new-per-day (10) new cards");
        for (int i = 0; i < 10; i++) {
            JsonNode answer = review(i + 1, "{\"rating\": 4}", 201);
            assertEquals("review", answer.get("state").asText());
        }
        assertTrue(app.get("/review").body().contains("Done for today"));
        JsonNode eleventh = review(11, "{\"rating\": 3}", 201);
        assertEquals("learning", eleventh.get("state").asText());
    }
}
