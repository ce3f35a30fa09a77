package dev.gradientdeck.anki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradientdeck.RunningApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages built for the cases the shared fixtures lack, each through the API with its counts asserted. */
class AnkiOwnFixturesTest {
    static final long DAY = 86_400_000L;
    static final long T0 = 1_700_000_000_000L;

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

    /** Clozes with a hint and a nested deletion, a conditional reverse card, tags with levels, and a log with every kind of row. */
    static AnkiFixtures sampler() {
        AnkiFixtures f = new AnkiFixtures()
                .note(
                        1,
                        AnkiFixtures.CLOZE,
                        10,
                        " grammar::verbs fr ",
                        "Je {{c1::suis::être}} ici {{c2::depuis {{c3::hier}}}}.",
                        "Extra <b>note</b>")
                .card(11, 1, 0, 2, "")
                .card(12, 1, 1, 0, "")
                .card(13, 1, 2, 0, "")
                .note(2, AnkiFixtures.OPTIONAL_REVERSE, 10, "", "la maison", "the house", "y")
                .card(21, 2, 0, 0, "")
                .card(22, 2, 1, 0, "")
                .note(3, AnkiFixtures.OPTIONAL_REVERSE, 10, "", "le chat", "the cat", "")
                .card(31, 3, 0, 0, "")
                .card(32, 3, 1, 0, "");
        // Card 11: a reset wipes what came before; then two answers count.
        f.rev(T0, 11, 3, 1, 2500, 8000, 0)
                .rev(T0 + DAY, 11, 1, -600, 2500, 3000, 1)
                .rev(T0 + 2 * DAY, 11, 0, 0, 0, 0, 4)
                .rev(T0 + 3 * DAY, 11, 3, -600, 2500, 5000, 0)
                .rev(T0 + 4 * DAY, 11, 3, 2, 2500, 4000, 0)
                // a "set due date" (no answer) and a cram answer that did not reschedule
                .rev(T0 + 5 * DAY, 11, 0, 9, 2500, 0, 4)
                .rev(T0 + 6 * DAY, 11, 2, 0, 0, 2000, 3);
        // Card 21 is new in Anki, yet its log holds an answer: imported with what the log says, and listed.
        f.rev(T0 + DAY + 1000, 21, 4, 4, 2500, 1500, 0);
        // A row for a card the package does not hold.
        f.rev(T0 + 7 * DAY, 999, 3, 1, 2500, 1000, 0);
        return f;
    }

    @Test
    void clozeConditionalsAndEveryKindOfLogRowInSchema11() throws Exception {
        JsonNode report = anki.imported(sampler().legacy(dir.resolve("sampler.apkg"), "collection.anki21"));
        assertEquals("anki21", report.get("format").asText());
        assertEquals(3, report.get("notes").asInt());
        assertEquals(7, report.get("cards").asInt());
        assertEquals(3, report.get("reviews").asInt());
        JsonNode skipped = report.get("reviewsSkipped");
        assertEquals(2, skipped.get("beforeReset").asInt());
        assertEquals(1, skipped.get("reset").asInt());
        assertEquals(1, skipped.get("noRating").asInt());
        assertEquals(1, skipped.get("cram").asInt());
        assertEquals(1, skipped.get("unknownCard").asInt());
        assertEquals(5, skipped.size());
        String warnings = report.get("warnings").toString();
        assertTrue(warnings.contains("card 32 (note g3)") && warnings.contains("empty question"), warnings);
        assertTrue(
                warnings.contains("card is new in Anki but its log holds answers")
                        && warnings.contains("card 21 (note g2)"),
                warnings);

        JsonNode c1 = anki.card("anki-11");
        assertEquals("Je **\\[être\\]** ici depuis hier.", c1.get("question").asText());
        assertEquals(
                "Je **suis** ici depuis hier.\\\nExtra **note**",
                c1.get("answer").asText());
        assertEquals(2, c1.get("reps").asInt());
        assertEquals("[\"fr\",\"grammar/verbs\"]", c1.get("tags").toString());
        assertEquals(
                "Je suis ici **\\[...\\]**.",
                anki.card("anki-12").get("question").asText());
        assertEquals(
                "Je suis ici depuis **\\[...\\]**.",
                anki.card("anki-13").get("question").asText());
        assertEquals(
                "Je suis ici **depuis hier**.\\\nExtra **note**",
                anki.card("anki-12").get("answer").asText());
        assertEquals("the house", anki.card("anki-22").get("question").asText());
        assertEquals("la maison", anki.card("anki-22").get("answer").asText());
        assertEquals(6, anki.cardFiles("anki/Languages/French"));
        // Card 21's single Easy answer made it a review card with the log's schedule.
        assertEquals("review", anki.card("anki-21").get("state").asText());
        assertEquals(
                1,
                anki.count(
                        "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.slug = 'anki-21' AND r.rating = 4"));
    }

    @Test
    void anOldAnki2OnlyPackageIsRead() throws Exception {
        AnkiFixtures f = sampler();
        f.schedulerVersion = 1;
        JsonNode report = anki.imported(f.legacy(dir.resolve("old.apkg"), "collection.anki2"));
        assertEquals("anki2", report.get("format").asText());
        assertEquals(7, report.get("cards").asInt());
        // Scheduler 1: learning button 2 was Good and 3 Easy, so card 11's two learning Goods (3) are Easys (4).
        assertEquals(
                2,
                anki.count(
                        "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.slug = 'anki-11' AND r.rating = 4"));
    }

    @Test
    void theLatestLayoutWithProtobufMediaMapAndCompressedMedia() throws Exception {
        byte[] png = Files.readAllBytes(Path.of("static/img/readme-home.png"));
        AnkiFixtures f = new AnkiFixtures()
                .note(
                        1,
                        AnkiFixtures.BASIC,
                        10,
                        "",
                        "Which picture? <img src=\"home page.png\">",
                        "That one [sound:say it.mp3]")
                .card(11, 1, 0, 0, "{\"s\":3.1,\"d\":5.2}");
        f.media.put("home page.png", png);
        f.media.put("say it.mp3", "ID3 not really audio".getBytes(StandardCharsets.UTF_8));
        JsonNode report = anki.imported(f.latest(dir.resolve("latest.apkg")));
        assertEquals("anki21b", report.get("format").asText());
        assertEquals(2, report.get("media").asInt());
        assertEquals(1, report.get("cards").asInt());
        assertEquals(1, report.get("cardsWithFsrsState").asInt());
        assertEquals(0, report.get("fsrsWithin1Percent").asInt());
        assertArrayEquals(png, Files.readAllBytes(app.deck.resolve("media/home page.png")));
        JsonNode card = anki.card("anki-11");
        assertEquals(
                "Which picture? ![](/media/home%20page.png)",
                card.get("question").asText());
        assertTrue(
                card.get("answer").asText().contains("<audio controls src=\"/media/say%20it.mp3\"></audio>"),
                card.toString());
        var page = app.get("/cards/" + anki.count("SELECT id FROM cards WHERE slug = 'anki-11'"));
        assertTrue(page.body().contains("<img src=\"/media/home%20page.png\""), page.body());
        assertTrue(page.body().contains("<audio controls=\"controls\" src=\"/media/say%20it.mp3\">"), page.body());
        var served = app.get("/media/home%20page.png");
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, app.get("/media/..%2Fapp.sqlite").statusCode());
    }

    @Test
    void importAnkiOnTheCommandLine() throws Exception {
        Path pkg = sampler().legacy(dir.resolve("cli.apkg"), "collection.anki21");
        Path deck = Files.createDirectories(dir.resolve("cli-deck"));
        String[] args = {
            "import-anki",
            pkg.toString(),
            "--db",
            dir.resolve("cli.sqlite").toString(),
            "--cards",
            deck.toString(),
            "--zone",
            "UTC"
        };
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = dev.gradientdeck.AppCommandLine.run(args, out, err);
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("3 notes, 7 cards (0 updated, 0 unchanged)"), out.toString());
        assertTrue(out.toString().contains("Reviews: 3 in your log"), out.toString());

        Path text = Files.writeString(dir.resolve("notes.txt"), "not a package");
        var err2 = new java.io.StringWriter();
        int refused = dev.gradientdeck.AppCommandLine.run(
                new String[] {
                    "import-anki",
                    text.toString(),
                    "--db",
                    dir.resolve("cli.sqlite").toString(),
                    "--cards",
                    deck.toString()
                },
                new java.io.StringWriter(),
                err2);
        assertEquals(2, refused);
        assertEquals(1, err2.toString().strip().lines().count(), err2.toString());
        assertTrue(err2.toString().contains("not an Anki package"), err2.toString());
    }
}
