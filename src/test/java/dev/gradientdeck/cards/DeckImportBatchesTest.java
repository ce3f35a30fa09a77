package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.papers.SearchRepository;
import dev.gradientdeck.settings.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deck larger than one import batch: every card, tag and carried record is stored, a broken file and a duplicate id are
 * reported whichever batch they fall in, and the search index written during the import is the one a full rebuild makes.
 */
class DeckImportBatchesTest {
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
                        Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC), ZoneId.of("UTC"), 4)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void write(String path, String text) throws Exception {
        Path file = deck.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String card(int i) {
        return """
                # Card %d
                #Tags: #Batch #T%d

                # Question
                What is $\\\\eta_{%d}$ in **step** %d?

                # Answer
                It scales $\\\\nabla L$; see [the paper](https://example.org/%d).

                # Key points
                - point *%d*

                # Notes
                More on %d.
                """.formatted(i, i % 7, i, i, i % 50, i, i);
    }

    private List<Map<String, Object>> searchDocs() {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT d.type, c.slug, d.source_hash, d.title, d.body, d.detail, d.tags
                        FROM search_docs d JOIN cards c ON d.type = 'card' AND c.id = d.item_id ORDER BY c.slug""").mapToMap().list());
    }

    @Test
    void aDeckOfSeveralBatchesIsStoredWholeAndIndexedAsARebuildWould() throws Exception {
        int n = DeckImporter.BATCH * 2 + 37;
        for (int i = 0; i < n; i++) write("deck-" + (i % 3) + "/card-" + i + ".md", card(i));
        write("deck-2/broken.md", "");
        // Same id as an earlier file: the later one in deck order is refused, whichever batch it is in.
        write("deck-2/zz.md", "---\nid: deck-0/card-0\n---\n# Twin\n\n# Question\nTwin?\n\n# Answer\nYes.\n");

        ImportReport report = importer.sync("test");
        assertEquals(n, report.added());
        assertEquals(2, report.errors().size(), report.errors().toString());
        assertTrue(report.errors().stream()
                .anyMatch(e -> e.file().equals("deck-2/zz.md") && e.message().contains("already used")));
        assertEquals(
                n,
                cards.count(new CardRepository.Filter(java.util.Optional.empty(), java.util.Optional.empty(), false)));
        assertEquals(
                n,
                cards.count(
                        new CardRepository.Filter(java.util.Optional.of("Batch"), java.util.Optional.empty(), false)));
        long sections = database.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM card_sections")
                        .mapTo(Long.class)
                        .one());
        assertEquals(n, sections, "each card's Notes section");

        List<Map<String, Object>> written = searchDocs();
        assertEquals(n, written.size());
        assertTrue(written.get(0).get("body").toString().contains("η"), "math as readable text: " + written.get(0));
        database.jdbi().useTransaction(h -> {
            h.execute("DELETE FROM search_docs");
            SearchRepository.refresh(h);
        });
        List<Map<String, Object>> rebuilt = searchDocs();
        for (int i = 0; i < n; i++) {
            Map<String, Object> a = written.get(i);
            Map<String, Object> b = rebuilt.get(i);
            for (String column : List.of("type", "slug", "source_hash", "title", "body", "detail")) {
                assertEquals(b.get(column), a.get(column), column + " of " + a.get("slug"));
            }
            assertEquals(
                    List.of(b.get("tags").toString().split(" ")).stream()
                            .sorted()
                            .toList(),
                    List.of(a.get("tags").toString().split(" ")).stream()
                            .sorted()
                            .toList());
        }

        // Changing one file in the last batch updates that card alone.
        write("deck-" + ((n - 1) % 3) + "/card-" + (n - 1) + ".md", card(n - 1).replace("It scales", "It multiplies"));
        ImportReport again = importer.sync("test");
        assertEquals(1, again.updated());
        assertEquals(n - 1, again.unchanged());
        assertTrue(
                searchDocs().stream().anyMatch(d -> d.get("detail").toString().contains("It multiplies")));
    }
}
