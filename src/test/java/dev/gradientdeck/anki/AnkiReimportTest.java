package dev.gradientdeck.anki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing again changes nothing, a newer package updates, and an import can be undone as a whole. */
class AnkiReimportTest {
    @TempDir
    Path dir;

    RunningApp app;
    AnkiClient anki;

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
        anki = new AnkiClient(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void importingTheSamePackageAgainChangesNothing() throws Exception {
        anki.imported("mixed-legacy-2.apkg");
        Path file = app.deck.resolve("anki/Test - Mixed Types/in-a-cloze-some-are-hidden-1755501927620.md");
        var written = Files.getLastModifiedTime(file);
        String text = Files.readString(file);

        JsonNode again = anki.imported("mixed-legacy-2.apkg");
        assertEquals(0, again.get("updated").asInt());
        assertEquals(13, again.get("unchanged").asInt());
        assertEquals(26, again.get("reviews").asInt());
        assertEquals(26, anki.activeReviews());
        assertEquals(26, anki.count("SELECT count(*) FROM reviews"));
        assertEquals(13, anki.count("SELECT count(*) FROM cards WHERE slug LIKE 'anki-%'"));
        assertEquals(text, Files.readString(file));
        assertEquals(written, Files.getLastModifiedTime(file));
    }

    private static AnkiFixtures french(long noteMod, String answer) {
        return new AnkiFixtures()
                .note(10, AnkiFixtures.BASIC, noteMod, " vocab ", "le chien", answer)
                .card(100, 10, 0, 2, "")
                .rev(1_700_000_000_000L, 100, 3, -600, 2500, 5000, 0)
                .rev(1_700_000_700_000L, 100, 3, 1, 2500, 4000, 0);
    }

    @Test
    void aLaterVersionOfTheSameNotesUpdatesTheirFilesAndKeepsTheHistory() throws Exception {
        anki.imported(french(100, "the dog").legacy(dir.resolve("v1.apkg"), "collection.anki21"));
        assertEquals("the dog", anki.card("anki-100").get("answer").asText());

        AnkiFixtures newer = french(200, "the dog (masculine)").rev(1_700_100_000_000L, 100, 4, 5, 2500, 3000, 1);
        JsonNode report = anki.imported(newer.legacy(dir.resolve("v2.apkg"), "collection.anki21"));
        assertEquals(1, report.get("updated").asInt());
        assertEquals(0, report.get("unchanged").asInt());
        assertEquals(3, report.get("reviews").asInt());
        assertEquals("the dog (masculine)", anki.card("anki-100").get("answer").asText());
        assertEquals(3, anki.activeReviews());
        assertEquals(3, anki.card("anki-100").get("reps").asInt());

        // The same notes with an older modification time do not overwrite what is there.
        JsonNode older =
                anki.imported(french(150, "an older text").legacy(dir.resolve("v0.apkg"), "collection.anki21"));
        assertEquals(0, older.get("updated").asInt());
        assertEquals(1, older.get("unchanged").asInt());
        assertEquals("the dog (masculine)", anki.card("anki-100").get("answer").asText());
        assertEquals(3, anki.activeReviews());
    }

    @Test
    void undoingAnImportArchivesItsCardsAndRemovesItsReviews() throws Exception {
        app.write("mine.md", "# Mine\n# Question\nKept?\n# Answer\nYes.\n");
        app.send("POST", "/api/import", null);
        anki.imported("mixed-legacy-2.apkg");
        long importId = AnkiClient.JSON
                .readTree(app.get("/api/import/anki").body())
                .get(0)
                .get("id")
                .asLong();
        assertTrue(app.get("/import").body().contains("Undo this import"));

        HttpResponse<String> undo = anki.formPost("/import/anki/" + importId + "/undo");
        assertEquals(303, undo.statusCode(), undo.body());
        assertEquals(0, anki.activeReviews());
        assertEquals(26, anki.count("SELECT count(*) FROM review_undos"));
        assertEquals(0, anki.cardFiles("anki"));
        assertEquals(13, anki.count("SELECT count(*) FROM cards WHERE slug LIKE 'anki-%' AND archived = 1"));
        assertEquals(
                0,
                anki.count(
                        "SELECT count(*) FROM card_schedules s JOIN cards c ON c.id = s.card_id WHERE c.slug LIKE 'anki-%'"));
        assertEquals(1, anki.count("SELECT count(*) FROM cards WHERE slug = 'mine' AND archived = 0"));
        JsonNode listed =
                AnkiClient.JSON.readTree(app.get("/api/import/anki").body()).get(0);
        assertFalse(listed.get("undoneAt").isNull());
        assertEquals(400, anki.formPost("/import/anki/" + importId + "/undo").statusCode());

        // Imported again, everything comes back, once.
        JsonNode again = anki.imported("mixed-legacy-2.apkg");
        assertEquals(26, again.get("reviews").asInt());
        assertEquals(26, anki.activeReviews());
        assertEquals(13, anki.cardFiles("anki"));
        assertEquals(13, anki.count("SELECT count(*) FROM cards WHERE slug LIKE 'anki-%' AND archived = 0"));
    }

    @Test
    void undoingAnUpdateGivesTheFileItsTextBack() throws Exception {
        anki.imported(french(100, "the dog").legacy(dir.resolve("v1.apkg"), "collection.anki21"));
        anki.imported(french(200, "the hound").legacy(dir.resolve("v2.apkg"), "collection.anki21"));
        var imports = AnkiClient.JSON.readTree(app.get("/api/import/anki").body());
        long first = imports.get(1).get("id").asLong(),
                second = imports.get(0).get("id").asLong();

        HttpResponse<String> refused = anki.formPost("/import/anki/" + first + "/undo");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("undo that one first"), refused.body());

        assertEquals(303, anki.formPost("/import/anki/" + second + "/undo").statusCode());
        assertEquals("the dog", anki.card("anki-100").get("answer").asText());
        assertEquals(2, anki.activeReviews());
    }

    @Test
    void theExportReadsBackToTheSameCardsAndReviews(@TempDir Path other) throws Exception {
        anki.imported("mixed-legacy-2.apkg");
        app.write(
                "ml/adam.md",
                "# Adam\n#Tags: #Optimization\n# Question\nWhat does Adam keep per weight?\n# Answer\nTwo moving averages: $m_t$ and $v_t$.\n");
        app.send("POST", "/api/import", null);
        long adam = anki.count("SELECT id FROM cards WHERE slug = 'ml/adam'");
        app.send(
                "POST", "/api/cards/" + adam + "/reviews", "{\"rating\": 3, \"reviewedAt\": \"2026-11-20T09:00:00Z\"}");

        HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/export.apkg")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains(".apkg"));

        try (RunningApp second =
                RunningApp.start(other, Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC))) {
            AnkiClient back = new AnkiClient(second);
            JsonNode report = back.imported("gradient-deck.apkg", export.body());
            assertEquals("anki21", report.get("format").asText());
            assertEquals(14, report.get("cards").asInt());
            assertEquals(14, report.get("notes").asInt());
            assertEquals(27, report.get("reviews").asInt());
            assertEquals(0, report.get("reviewsSkipped").size());
            assertEquals(1, report.get("media").asInt());
            // The export carries the app's own replayed memory, so reading it back agrees on every reviewed card.
            assertEquals(14, report.get("cardsWithFsrsState").asInt());
            assertEquals(14, report.get("fsrsWithin1Percent").asInt());

            for (String slug : new String[] {"anki-1755501927620", "anki-1755520805842", "anki-1755521029415"}) {
                JsonNode before = anki.card(slug), after = back.card(slug);
                assertEquals(before.get("title"), after.get("title"));
                assertEquals(before.get("question"), after.get("question"));
                assertEquals(before.get("answer"), after.get("answer"));
                assertEquals(before.get("deck"), after.get("deck"));
                assertEquals(
                        before.get("stability").asDouble(),
                        after.get("stability").asDouble(),
                        1e-9);
                assertEquals(before.get("due"), after.get("due"));
            }
            JsonNode adamBack = back.card("anki-" + (900_000_000_000L + adam));
            assertEquals("Adam", adamBack.get("title").asText());
            assertTrue(adamBack.get("answer").asText().contains("$m_t$"), adamBack.toString());
            assertEquals("Optimization", adamBack.get("tags").get(0).asText());
            String sql =
                    "SELECT group_concat(reviewed_at || ' ' || rating || ' ' || coalesce(duration_ms, ''), ';') FROM "
                            + "(SELECT * FROM reviews ORDER BY reviewed_at, rating)";
            assertEquals(query(anki, sql), query(back, sql));
        }
    }

    private static String query(AnkiClient client, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + clientDatabase(client));
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Path clientDatabase(AnkiClient client) throws Exception {
        var field = AnkiClient.class.getDeclaredField("app");
        field.setAccessible(true);
        return ((RunningApp) field.get(client)).database;
    }
}
