package dev.gradientdeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.App;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A monitor asks GET /api/health: up, which version, how many cards, whether file changes are picked up. */
class HealthTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String card(String title) {
        return "# " + title + "\n\n# Question\nWhat is " + title + "?\n\n# Answer\nIt is " + title + ".\n";
    }

    @Test
    void reportsTheCardsOfTheLastSyncAndThatTheDeckIsWatched() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("a.md"), card("Alpha"));
        Files.writeString(deck.resolve("b.md"), card("Beta"));
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            HttpResponse<String> response = app.get("/api/health");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode health = JSON.readTree(response.body());
            assertEquals("ok", health.get("status").asText());
            assertEquals(App.VERSION, health.get("version").asText());
            assertEquals(2, health.get("cards").asInt());
            assertTrue(health.get("watching").asBoolean());

            // A row written behind the app's back is not seen: the answer comes from memory, not from a query per
            // request.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database)) {
                c.createStatement().execute("""
                        INSERT INTO cards (slug, path, deck, title, kind, question_md, question_html, answer_md, answer_html,
                                           key_points, key_points_html, content_hash, file_stamp, archived, created_at, updated_at)
                        SELECT 'x', 'x.md', deck, 'X', kind, question_md, question_html, answer_md, answer_html, key_points,
                               key_points_html, 'h', 's', 0, created_at, updated_at FROM cards LIMIT 1""");
            }
            assertEquals(
                    2, JSON.readTree(app.get("/api/health").body()).get("cards").asInt());

            // A new file is counted once the watcher's sync ran.
            Files.writeString(deck.resolve("c.md"), card("Gamma"));
            int cards = 0;
            for (int i = 0; i < 100 && cards != 3; i++) {
                Thread.sleep(100);
                cards = JSON.readTree(app.get("/api/health").body())
                        .get("cards")
                        .asInt();
            }
            assertEquals(3, cards, "the sync counts the new file (and archives the row that has no file)");
        }
    }
}
