package dev.gradientdeck.anki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import, the deck watcher it wakes, and the learner answering cards all meet; none of them fails or is lost. */
class AnkiConcurrencyTest {
    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void answeringWhileALargeImportRuns() throws Exception {
        app.write("mine.md", "# Mine\n# Question\nStill answerable?\n# Answer\nYes.\n");
        app.send("POST", "/api/import", null);
        long mine = AnkiClient.JSON
                .readTree(app.get("/api/cards").body())
                .get(0)
                .get("id")
                .asLong();
        AnkiClient anki = new AnkiClient(app);
        byte[] music = AnkiClient.resource("example_music_intervals.apkg");
        byte[] mixed = AnkiClient.resource("mixed-legacy-2.apkg");

        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> imported(anki, "music.apkg", music));
        CompletableFuture<JsonNode> second = CompletableFuture.supplyAsync(() -> imported(anki, "mixed.apkg", mixed));
        Instant at = Instant.now();
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> answer = app.send(
                    "POST",
                    "/api/cards/" + mine + "/reviews",
                    "{\"rating\": 3, \"reviewedAt\": \"" + at.plusSeconds(i) + "\"}");
            assertEquals(201, answer.statusCode(), answer.body());
            assertEquals(200, app.get("/review").statusCode());
        }
        assertEquals(340, first.get(180, TimeUnit.SECONDS).get("cards").asInt());
        assertEquals(26, second.get(180, TimeUnit.SECONDS).get("reviews").asInt());
        assertEquals(15 + 26, anki.activeReviews());
        assertEquals(353, anki.count("SELECT count(*) FROM cards WHERE slug LIKE 'anki-%' AND archived = 0"));
    }

    private static JsonNode imported(AnkiClient anki, String name, byte[] bytes) {
        try {
            return anki.imported(name, bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
