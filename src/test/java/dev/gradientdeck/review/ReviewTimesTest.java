package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review times from the future are refused, due times compare as numbers, and request ids name one counted answer. */
class ReviewTimesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    static String card(String title) {
        return "# " + title + "\n# Question\nWhat is " + title + "?\n# Answer\nThis.\n";
    }

    static String typeOf(Path db, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var rs = c.createStatement().executeQuery(sql)) {
            return rs.getString(1);
        }
    }

    @Test
    void aReviewTimeInTheFutureIsRefusedAndTheCardStaysReviewable() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            app.write("a.md", card("A"));
            app.send("POST", "/api/import", null);
            for (String at : new String[] {"2099-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2026-11-21T12:10:00Z"}) {
                HttpResponse<String> r =
                        app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3, \"reviewedAt\": \"" + at + "\"}");
                assertEquals(400, r.statusCode(), at + ": " + r.body());
                assertTrue(JSON.readTree(r.body()).get("error").asText().contains("reviewedAt"), r.body());
            }
            // A phone's clock a little ahead is fine.
            assertEquals(
                    201,
                    app.send(
                                    "POST",
                                    "/api/cards/1/reviews",
                                    "{\"rating\": 3, \"reviewedAt\": \"2026-11-21T12:02:00Z\"}")
                            .statusCode());
            assertEquals("integer", typeOf(app.database, "SELECT typeof(due) FROM card_schedules"));
            assertEquals("integer", typeOf(app.database, "SELECT typeof(reviewed_at) FROM reviews LIMIT 1"));
        }
    }

    @Test
    void storedTextTimesBecomeNumbersAndAFarFutureDueNoLongerJamsTheQueue() throws Exception {
        Path db = dir.resolve("app.sqlite");
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("jam.md"), card("Jam"));
        Files.writeString(deck.resolve("real.md"), card("Real"));
        // A database as the previous version left it: times as ISO text, one card due in the year 10000.
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + db, null, null)
                .locations("classpath:db/migration")
                .target("20")
                .load()
                .migrate();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement()) {
            for (String slug : new String[] {"jam", "real"}) {
                s.execute(
                        "INSERT INTO cards (slug, path, deck, title, kind, question_md, question_html, answer_md, answer_html, content_hash, "
                                + "file_stamp, archived, created_at, updated_at) VALUES ('" + slug + "', '" + slug
                                + ".md', '', '" + slug + "', 'basic', "
                                + "'q', '<p>Q-" + slug
                                + "</p>', 'a', 'a', 'x', 'x', 0, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
            }
            String[][] times = {
                {"1", "2026-11-10T08:00:00Z", "+10000-01-01T00:00:00Z"},
                {"2", "2026-11-10T09:00:00.5Z", "2026-11-20T09:00:00Z"}
            };
            for (String[] t : times) {
                s.execute(
                        "INSERT INTO reviews (card_id, reviewed_at, day_key, rating, state_before, state_after, step_after, stability, "
                                + "difficulty, elapsed_days, scheduled_days, due, reps, lapses, fuzz_seed, request_id) VALUES ("
                                + t[0] + ", '" + t[1]
                                + "', '2026-11-10', 3, 'new', 'review', 0, 10, 5, 0, 10, '" + t[2] + "', 1, 0, 1, 'r"
                                + t[0] + "')");
                s.execute(
                        "INSERT INTO card_schedules (card_id, state, step, stability, difficulty, due, last_review, reps, lapses, review_id) "
                                + "VALUES (" + t[0] + ", 'review', 0, 10, 5, '" + t[2] + "', '" + t[1] + "', 1, 0, "
                                + t[0] + ")");
            }
        }
        try (RunningApp app = RunningApp.start(deck, db, Clock.fixed(NOW, ZoneOffset.UTC))) {
            String review = app.get("/review").body();
            // The card's text is the stored one until the background sync has read the file again; either is the real
            // card.
            assertTrue(
                    review.contains("Q-real") || review.contains("What is Real?"),
                    "the real due card is not shown first");
            JsonNode real = JSON.readTree(app.get("/api/cards/2").body());
            assertEquals("2026-11-20T09:00:00Z", real.get("due").asText());
            assertEquals("integer", typeOf(db, "SELECT typeof(due) FROM card_schedules WHERE card_id = 2"));
            assertEquals(
                    String.valueOf(Instant.parse("2026-11-10T09:00:00.5Z").toEpochMilli()),
                    typeOf(db, "SELECT reviewed_at FROM reviews WHERE card_id = 2"));
            // The request ids carried over still answer a retry.
            HttpResponse<String> retry =
                    app.send("POST", "/api/cards/2/reviews", "{\"rating\": 3, \"requestId\": \"r2\"}");
            assertEquals(200, retry.statusCode(), retry.body());
        }
    }

    @Test
    void aRequestIdNamesOneCountedAnswerOfOneCard() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            app.write("a.md", card("A"));
            app.write("b.md", card("B"));
            app.send("POST", "/api/import", null);
            String body = "{\"rating\": 3, \"requestId\": \"click-1\"}";
            assertEquals(201, app.send("POST", "/api/cards/1/reviews", body).statusCode());
            HttpResponse<String> other = app.send("POST", "/api/cards/2/reviews", body);
            assertEquals(409, other.statusCode(), other.body());
            assertTrue(other.body().contains("click-1"), other.body());
            assertEquals(
                    0, JSON.readTree(app.get("/api/cards/2").body()).get("reps").asInt());

            assertEquals(200, app.send("DELETE", "/api/reviews/last", null).statusCode());
            HttpResponse<String> again = app.send("POST", "/api/cards/1/reviews", body);
            assertEquals(201, again.statusCode(), again.body());
            assertFalse(JSON.readTree(again.body()).get("repeated").asBoolean());
            assertEquals(
                    1, JSON.readTree(app.get("/api/cards/1").body()).get("reps").asInt());
        }
    }
}
