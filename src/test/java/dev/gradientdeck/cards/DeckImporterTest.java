package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.descent.DescentBlocks;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.settings.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeckImporterTest {
    @TempDir
    Path dir;

    Path deck;
    Database database;
    CardRepository cards;
    DeckImporter importer;

    @BeforeEach
    void open() throws Exception {
        deck = Files.createDirectories(dir.resolve("cards"));
        database = Database.open(dir.resolve("test.sqlite"));
        cards = new CardRepository(database.jdbi());
        importer = new DeckImporter(
                new DeckFolder(deck),
                cards,
                new PaperImportRepository(database.jdbi()),
                TestSettings.on(new LearnerClock(
                        Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC), ZoneId.of("UTC"), 4)),
                new DescentBlocks());
    }

    @AfterEach
    void close() {
        database.close();
    }

    void write(String path, String text) throws Exception {
        Path file = deck.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static String card(String title, String question) {
        return "# " + title + "\n#Tags: #Test\n\n# Question\n" + question + "\n\n# Answer\nBecause.\n";
    }

    @Test
    void addsThenSkipsUnchangedFiles() throws Exception {
        write("a.md", card("A", "Why a?"));
        write("sub/b.md", card("B", "Why b?"));
        ImportReport first = importer.sync("test");
        assertEquals(2, first.added());
        ImportReport second = importer.sync("test");
        assertEquals(0, second.added());
        assertEquals(2, second.unchanged());
        assertEquals(
                List.of("A", "B"),
                cards.list(Optional.empty(), false).stream()
                        .map(CardViews.CardSummary::title)
                        .sorted()
                        .toList());
        assertEquals(
                "sub",
                cards.find(cards.idOfSlug("sub/b").orElseThrow()).orElseThrow().deck());
    }

    @Test
    void anEditUpdatesTheSameCardAndStoresRenderedHtml() throws Exception {
        write("a.md", card("A", "Why a?"));
        importer.sync("test");
        long id = cards.idOfSlug("a").orElseThrow();
        write("a.md", card("A again", "Why **now**?"));
        ImportReport report = importer.sync("test");
        assertEquals(1, report.updated());
        CardViews.CardDetail detail = cards.find(id).orElseThrow();
        assertEquals("A again", detail.title());
        assertEquals("<p>Why <strong>now</strong>?</p>\n", detail.questionHtml());
    }

    @Test
    void aRenameWithAnIdKeepsTheCard() throws Exception {
        write("old-name.md", "---\nid: ml/adam\n---\n" + card("Adam", "What is Adam?"));
        importer.sync("test");
        long id = cards.idOfSlug("ml/adam").orElseThrow();
        Files.move(deck.resolve("old-name.md"), deck.resolve("new-name.md"));
        ImportReport report = importer.sync("test");
        assertEquals(0, report.added());
        assertEquals(0, report.archived());
        assertEquals(1, report.updated());
        assertEquals("new-name.md", cards.find(id).orElseThrow().path());
    }

    @Test
    void aDeletedFileArchivesItsCardAndItsReturnRestoresIt() throws Exception {
        write("a.md", card("A", "Why a?"));
        importer.sync("test");
        long id = cards.idOfSlug("a").orElseThrow();
        Files.delete(deck.resolve("a.md"));
        assertEquals(1, importer.sync("test").archived());
        assertTrue(cards.find(id).orElseThrow().archived());
        assertTrue(cards.list(Optional.empty(), false).isEmpty());
        assertEquals(1, cards.list(Optional.empty(), true).size());

        write("a.md", card("A", "Why a?"));
        ImportReport back = importer.sync("test");
        assertEquals(1, back.restored());
        assertEquals(0, back.added());
        assertFalse(cards.find(id).orElseThrow().archived());
    }

    @Test
    void aBrokenFileIsReportedAndNothingElseIsAffected() throws Exception {
        write("good.md", card("Good", "Fine?"));
        write("later-broken.md", card("Was fine", "Fine?"));
        importer.sync("test");
        long kept = cards.idOfSlug("later-broken").orElseThrow();

        write("later-broken.md", "---\ntitle: oops\n# Question\nno closing front matter\n");
        write("empty.md", "");
        Files.write(deck.resolve("binary.md"), new byte[] {1, 2, 0, 3});
        write("new-good.md", card("New good", "Also fine?"));
        ImportReport report = importer.sync("test");

        assertEquals(1, report.added());
        assertEquals(
                List.of("binary.md", "empty.md", "later-broken.md"),
                report.errors().stream().map(ImportReport.ImportError::file).toList());
        assertEquals(1, report.errors().get(2).line());
        assertTrue(report.errors().get(2).message().contains("never closed"));
        CardViews.CardDetail stillThere = cards.find(kept).orElseThrow();
        assertFalse(stillThere.archived());
        assertEquals("Was fine", stillThere.title());
        assertEquals(3, cards.lastReport().orElseThrow().errors().size());

        // The report always lists every file broken now, not only new ones.
        ImportReport again = importer.sync("test");
        assertEquals(3, again.errors().size());
    }

    @Test
    void aDuplicateIdIsReportedOnTheSecondFile() throws Exception {
        write("a.md", "---\nid: same\n---\n" + card("A", "a?"));
        write("b.md", "---\nid: same\n---\n" + card("B", "b?"));
        ImportReport report = importer.sync("test");
        assertEquals(1, report.added());
        assertEquals("b.md", report.errors().get(0).file());
        assertEquals("id 'same' is already used by a.md", report.errors().get(0).message());
    }

    static final String DESCENT_CARD = """
            # Fit
            # Question
            Predict the first step.

            ```descent
            problem: quadratic
            constants: {a: 1, c: 3}
            start: {w: 0}
            optimizer: {name: sgd, lr: 0.1}
            steps: 5
            ```
            # Answer
            It moves toward 3.
            """;

    @Test
    void aBrokenDescentSpecIsReportedAtItsLineInTheCardFileAndTheLastGoodOneIsKept() throws Exception {
        write("gd/fit.md", DESCENT_CARD);
        assertTrue(importer.sync("test").errors().isEmpty());
        long id = cards.idOfSlug("gd/fit").orElseThrow();

        // The block's first line is line 6 of the file; optimizer is its 4th line, so line 6 + 4 - 1 = 9.
        write("gd/fit.md", DESCENT_CARD.replace("lr: 0.1", "lr: -0.1"));
        ImportReport report = importer.sync("test");
        assertEquals(
                List.of(new ImportReport.ImportError(
                        "gd/fit.md", 9, "descent spec: optimizer.lr: must be a finite positive number, got -0.1")),
                report.errors());
        assertEquals(0, report.updated());
        assertEquals(0, report.archived());
        CardViews.CardDetail kept = cards.find(id).orElseThrow();
        assertFalse(kept.archived());
        assertTrue(kept.descentSpec().contains("lr: 0.1}"), "the last good spec is kept");

        write("gd/fit.md", DESCENT_CARD.replace("steps: 5", "steps: 5\nmomentum: 0.9"));
        ImportReport.ImportError unknown = importer.sync("test").errors().get(0);
        assertEquals(11, unknown.line());
        assertTrue(unknown.message().startsWith("descent spec: momentum: unknown field"), unknown.message());

        write("gd/fit.md", DESCENT_CARD.replace("problem: quadratic", "problem: quadratic: bowl"));
        ImportReport.ImportError syntax = importer.sync("test").errors().get(0);
        assertTrue(syntax.message().startsWith("descent spec: YAML syntax error"), syntax.message());
        assertEquals(6, syntax.line());
    }

    @Test
    void theCarriedStreakRecordIsStoredWithTheFileDate() throws Exception {
        write(
                "seed.md",
                "---\ndate: 2026-11-20\n---\nCurrent Streak: 2\nAll Time Best Streak: 11\nAll Time Total: 17\n\n"
                        + card("Seed", "q?"));
        importer.sync("test");
        CardViews.CarriedRecord record = cards.latestCarriedRecord().orElseThrow();
        assertEquals(2, record.currentStreak());
        assertEquals(11, record.bestStreak());
        assertEquals(17, record.totalDays());
        assertEquals(LocalDate.of(2026, 11, 20), record.asOf());
    }
}
