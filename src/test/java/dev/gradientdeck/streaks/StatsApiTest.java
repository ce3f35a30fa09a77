package dev.gradientdeck.streaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The carried-over record joins the app's own days, and the API and the stats page agree. */
class StatsApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("seed.md"), """
                ---
                date: 2026-11-20
                ---
                Current Streak: 2
                All Time Best Streak: 11
                All Time Total: 17

                # Gradient Descent
                # Question
                What is gradient descent?
                """);
        // 10:00 UTC on the 21st: the day after the record's date.
        app = RunningApp.start(
                deck, dir.resolve("app.sqlite"), Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    JsonNode stats() throws Exception {
        return JSON.readTree(app.get("/api/stats").body());
    }

    @Test
    void yesterdaysRecordContinuesWithTodaysReview() throws Exception {
        JsonNode before = stats();
        assertEquals(2, before.get("currentStreak").asInt(), "yesterday's streak holds while today is open");
        assertEquals(11, before.get("bestStreak").asInt());
        assertEquals(17, before.get("totalDays").asInt());
        assertFalse(before.get("todayCounted").asBoolean());
        assertEquals("2026-11-21", before.get("today").asText());
        assertEquals(1, before.get("newAvailable").asInt());

        app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}");
        JsonNode after = stats();
        assertEquals(3, after.get("currentStreak").asInt());
        assertEquals(11, after.get("bestStreak").asInt());
        assertEquals(18, after.get("totalDays").asInt());
        assertEquals(1, after.get("reviewsToday").asInt());
        assertTrue(after.get("todayCounted").asBoolean());
        // The learning step 10 minutes away is within Anki's 20-minute learn-ahead: with nothing else left the review
        // page
        // shows it now, so it counts (the review page's learning count said 0 while showing it before).
        assertEquals(1, after.get("dueNow").asInt());

        String page = app.get("/stats").body();
        assertTrue(page.contains("<span class=\"big\">3</span>"), "the page shows the API's current streak");
        assertTrue(page.contains("<span class=\"big\">18</span>"), "the page shows the API's total");
        assertTrue(page.contains("Sat 21 Nov 2026: 1 review"), "today's heatmap square counts the review");
    }

    @Test
    void aPracticeAnswerCountsOnceWhetherRatedOrNot() throws Exception {
        String boundary = "gd-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"cardId\"\r\n\r\n1\r\n"
                + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nGradient descent steps downhill.\r\n"
                + "--" + boundary + "--\r\n";
        var http = java.net.http.HttpClient.newHttpClient();
        var created = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/practice/attempts")))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(created.statusCode() < 300, created.body());
        long attempt = JSON.readTree(created.body()).get("id").asLong();
        assertEquals(1, stats().get("reviewsToday").asInt(), "the practice answer counts");
        assertEquals(3, stats().get("currentStreak").asInt());

        http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(app.url("/practice/attempts/" + attempt + "/rating")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("rating=3"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(
                1, stats().get("reviewsToday").asInt(), "rating it adds a review that counts instead, not as well");
        assertEquals(
                1,
                JSON.readTree(app.get("/api/cards/1").body()).get("reps").asInt(),
                "the rating reached the scheduler");
    }

    @Test
    void anUndoneReviewNoLongerCounts() throws Exception {
        app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}");
        app.send("DELETE", "/api/reviews/last", null);
        assertEquals(0, stats().get("reviewsToday").asInt());
        assertEquals(2, stats().get("currentStreak").asInt());
    }
}
