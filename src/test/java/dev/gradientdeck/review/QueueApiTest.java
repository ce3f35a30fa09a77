package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.MovingClock;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review queue as the learner steers it: one deck or tag, suspend and bury, study more, undo, and honest counts. */
class QueueApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;
    MovingClock clock = new MovingClock(Instant.parse("2026-11-21T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        // Written before the start, so the first start imports them and no watcher sync runs beside the answers.
        Path deck = dir.resolve("cards");
        write(deck, "optimizers/adam.md", card("Adam", "#Interview"));
        write(deck, "optimizers/momentum.md", card("Momentum", ""));
        write(deck, "llm/bpe.md", card("BPE", "#Interview"));
        write(deck, "llm/pruning/wanda.md", card("Wanda", ""));
        app = RunningApp.start(deck, dir.resolve("app.sqlite"), clock);
    }

    static void write(Path deck, String path, String text) throws Exception {
        java.nio.file.Files.createDirectories(deck.resolve(path).getParent());
        java.nio.file.Files.writeString(deck.resolve(path), text);
    }

    static String card(String title, String tags) {
        return "# " + title + "\n" + (tags.isEmpty() ? "" : "#Tags: " + tags + "\n") + "# Question\nWhat is " + title
                + "?\n# Answer\nIt is " + title + ".\n";
    }

    @AfterEach
    void stop() {
        app.close();
    }

    long id(String slug) throws Exception {
        for (JsonNode c : JSON.readTree(app.get("/api/cards").body()))
            if (c.get("slug").asText().equals(slug)) return c.get("id").asLong();
        throw new AssertionError(slug);
    }

    static long shown(String page) {
        Matcher m = Pattern.compile("data-card=\"(\\d+)\"").matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static int count(String page, String kind) {
        Matcher m = Pattern.compile("class=\"count-" + kind + "[^\"]*\"[^>]*><strong>(\\d+)</strong>")
                .matcher(page);
        assertTrue(m.find(), kind);
        return Integer.parseInt(m.group(1));
    }

    String follow(HttpResponse<String> redirect) throws Exception {
        assertEquals(303, redirect.statusCode(), redirect.body());
        return app.get(redirect.headers().firstValue("Location").orElseThrow()).body();
    }

    void answer(long card, int rating) throws Exception {
        HttpResponse<String> r = app.send("POST", "/api/cards/" + card + "/reviews", "{\"rating\": " + rating + "}");
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void oneDeckWithItsSubDecksOrOneTag() throws Exception {
        String llm = app.get("/review?deck=llm").body();
        assertEquals(2, count(llm, "new"), "llm and llm/pruning");
        assertTrue(shown(llm) == id("llm/bpe") || shown(llm) == id("llm/pruning/wanda"));
        assertTrue(llm.contains("Reviewing the deck llm"));

        String tagged = app.get("/review?tag=Interview").body();
        assertEquals(2, count(tagged, "new"));
        // Grading from the tag's page comes back to the tag's page, which shows the other tagged card.
        long first = shown(tagged);
        String next = follow(app.postForm("/review/" + first + "/answer?tag=Interview", "rating=4"));
        assertEquals(1, count(next, "new"));
        long second = shown(next);
        assertTrue(second == id("optimizers/adam") || second == id("llm/bpe"));
        assertTrue(second != first);

        assertTrue(app.get("/review?deck=nothing").body().contains("Nothing more is due in the deck nothing."));
        assertTrue(app.get("/").body().contains("href=\"/review?deck=llm\""), "the home page links each deck's review");
        assertTrue(
                app.get("/cards?tag=Interview").body().contains("href=\"/review?tag=Interview\""),
                "the card list links the tag's review");
        assertTrue(app.get("/cards?deck=llm").body().contains("href=\"/review?deck=llm\""));
    }

    @Test
    void suspendedCardsAreNeverShownUntilUnsuspended() throws Exception {
        long adam = id("optimizers/adam");
        HttpResponse<String> suspended = app.send("POST", "/api/cards/" + adam + "/suspend", null);
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertEquals("suspended", JSON.readTree(suspended.body()).get("state").asText());
        assertEquals(
                "suspended",
                JSON.readTree(app.get("/api/cards/" + adam).body()).get("state").asText());
        for (JsonNode c : JSON.readTree(app.get("/api/cards").body())) {
            assertEquals(
                    c.get("id").asLong() == adam ? "suspended" : "new",
                    c.get("state").asText());
        }
        assertEquals(
                3,
                JSON.readTree(app.get("/api/stats").body()).get("newAvailable").asInt());
        String deck = app.get("/review?deck=optimizers").body();
        assertEquals(1, count(deck, "new"));
        assertEquals(id("optimizers/momentum"), shown(deck));
        answer(id("optimizers/momentum"), 4);
        assertTrue(
                app.get("/review?deck=optimizers").body().contains("Done for today"),
                "the suspended card is not shown");

        HttpResponse<String> back = app.send("POST", "/api/cards/" + adam + "/unsuspend", null);
        assertEquals("new", JSON.readTree(back.body()).get("state").asText());
        assertEquals(adam, shown(app.get("/review?deck=optimizers").body()));

        assertEquals(404, app.send("POST", "/api/cards/999/suspend", null).statusCode());
        long bpe = id("llm/bpe");
        java.nio.file.Files.delete(app.deck.resolve("llm/bpe.md"));
        app.send("POST", "/api/import", null);
        assertEquals(
                409, app.send("POST", "/api/cards/" + bpe + "/suspend", null).statusCode(), "an archived card");
    }

    @Test
    void buriedCardsComeBackTomorrow() throws Exception {
        long bpe = id("llm/bpe");
        JsonNode buried = JSON.readTree(
                app.send("POST", "/api/cards/" + bpe + "/bury", null).body());
        assertTrue(buried.get("buried").asBoolean());
        assertEquals("new", buried.get("state").asText(), "burying keeps the card's schedule");
        assertEquals(id("llm/pruning/wanda"), shown(app.get("/review?deck=llm").body()));
        assertEquals(1, count(app.get("/review?deck=llm").body(), "new"));

        clock.advance(Duration.ofDays(1));
        assertEquals(2, count(app.get("/review?deck=llm").body(), "new"), "a new day: the buried card is back");
    }

    @Test
    void studyMoreAddsNewCardsForToday() throws Exception {
        app.send("PUT", "/api/settings", "{\"newPerDay\": 1}");
        answer(id("optimizers/adam"), 4);
        String done = app.get("/review").body();
        assertTrue(done.contains("Done for today"));
        assertTrue(done.contains("3 new cards are waiting beyond today’s limit."), done);
        String more = follow(app.postForm("/review/more", "cards=3"));
        assertEquals(3, count(more, "new"));
        assertEquals(
                3,
                JSON.readTree(app.get("/api/stats").body()).get("newAvailable").asInt());
        assertEquals(400, app.postForm("/review/more", "cards=0").statusCode());
    }

    @Test
    void undoShowsExactlyTheCardJustGraded() throws Exception {
        long adam = id("optimizers/adam"), momentum = id("optimizers/momentum");
        answer(adam, 1); // Again: a learning step one minute away
        clock.advance(Duration.ofSeconds(30));
        answer(momentum, 3);
        clock.advance(Duration.ofMinutes(2)); // Adam's step is due now and would come first
        String page = follow(app.postForm("/review/undo?deck=optimizers", ""));
        assertEquals(momentum, shown(page), "the card whose grade was taken back, not the learning card due now");
        assertTrue(page.contains("taken back"));
        assertEquals(1, count(page, "new"), "momentum is new again");
        assertEquals(1, count(page, "learning"));
    }

    @Test
    void aLearningCardOnScreenIsCounted() throws Exception {
        app.send("PUT", "/api/settings", "{\"newPerDay\": 1}");
        answer(id("optimizers/adam"), 3); // Good: back in ten minutes, and nothing else is left today
        String page = app.get("/review").body();
        assertEquals(id("optimizers/adam"), shown(page), "Anki's learn-ahead shows it now");
        assertEquals(1, count(page, "learning"), "and the learning count says so");
        assertFalse(page.contains("Done for today"));
    }
}
