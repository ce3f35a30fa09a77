package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CardSummary;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.cards.ImportReport;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperViews.PaperDetail;
import dev.gradientdeck.papers.PaperViews.PaperSummary;
import dev.gradientdeck.settings.TestSettings;
import java.io.InputStream;
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

/** Papers collected by the real importer into a real SQLite file. */
class PaperImportTest {
    @TempDir
    Path dir;

    Path deck;
    Database database;
    CardRepository cards;
    PaperRepository papers;
    DeckImporter importer;

    @BeforeEach
    void open() throws Exception {
        deck = Files.createDirectories(dir.resolve("cards"));
        database = Database.open(dir.resolve("test.sqlite"));
        cards = new CardRepository(database.jdbi());
        papers = new PaperRepository(database.jdbi());
        importer = new DeckImporter(
                new DeckFolder(deck),
                cards,
                new PaperImportRepository(database.jdbi()),
                TestSettings.on(
                        new LearnerClock(
                                Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC),
                                ZoneId.of("UTC"),
                                4),
                        true,
                        true));
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

    static String citing(String title, String... papers) {
        return "# " + title + "\n#Tags: #" + title.replace(" ", "") + "\n\n# Question\nWhy " + title
                + "?\n\n# Answer\nBecause.\n\n# Papers read\n" + String.join("\n", papers) + "\n";
    }

    List<PaperSummary> all() {
        return papers.list(Optional.empty(), Optional.empty(), PaperRepository.Sort.TITLE);
    }

    PaperDetail only() {
        List<PaperSummary> listed = all();
        assertEquals(1, listed.size(), () -> listed.toString());
        return papers.find(listed.get(0).id()).orElseThrow();
    }

    long card(String slug) {
        return cards.idOfSlug(slug).orElseThrow();
    }

    @Test
    void arxivVersionsAndLinkFormsAreOnePaper() throws Exception {
        write(
                "a.md",
                citing("Alpha", "- [Mini-GPTs](https://arxiv.org/abs/2306.11644v2)\n    - Pruning keeps quality."));
        write(
                "b.md",
                citing(
                        "Beta",
                        "- [Mini-GPTs: Efficient LLMs](https://arxiv.org/pdf/2306.11644.pdf)\n    - Smaller models, same scores."));
        write("sub/c.md", citing("Gamma", "- [mini gpts](http://www.arxiv.org/pdf/2306.11644v3.pdf?utm_source=x)"));
        importer.sync("test");

        PaperDetail paper = only();
        assertEquals("Mini-GPTs", paper.title(), "the first card's words, in card order");
        assertEquals("2306.11644", paper.arxivId());
        assertEquals("arxiv:2306.11644", paper.key());
        assertEquals(
                List.of(card("a"), card("b"), card("sub/c")),
                paper.cards().stream().map(c -> c.cardId()).toList());
        assertEquals(
                List.of("Pruning keeps quality.", "Smaller models, same scores."),
                paper.citations().stream()
                        .map(c -> c.summary())
                        .filter(s -> !s.isBlank())
                        .toList());
        assertEquals("Pruning keeps quality.\n\nSmaller models, same scores.", paper.summary());
        assertEquals(List.of("Alpha", "Beta", "Gamma"), paper.tags());
        for (var citation : cards.find(card("b")).orElseThrow().citations())
            assertEquals(paper.id(), citation.paperId());
    }

    @Test
    void urlVariantsAreOnePaperAndOtherUrlsAreNot() throws Exception {
        write(
                "a.md",
                citing(
                        "Alpha",
                        "- [Decomposing Language Models](https://www.anthropic.com/index/decomposing-language-models?utm_source=substack&utm_medium=email)\n    - Features, not neurons.",
                        "- [Other post](https://www.anthropic.com/index/something-else)"));
        write(
                "b.md",
                citing("Beta", "- [Decomposing LMs](http://anthropic.com/index/decomposing-language-models/#results)"));
        importer.sync("test");

        List<PaperSummary> listed = all();
        assertEquals(
                List.of("Decomposing Language Models", "Other post"),
                listed.stream().map(PaperSummary::title).toList());
        assertEquals(List.of(card("a"), card("b")), listed.get(0).cardIds());
        assertEquals(List.of(card("a")), listed.get(1).cardIds());
        assertEquals("Features, not neurons.", listed.get(0).summary());
    }

    @Test
    void theSeedFileYieldsExactlyItsTwoPapers() throws Exception {
        try (InputStream seed = getClass().getResourceAsStream("/seeds/000-gradient-descent.md")) {
            Files.write(deck.resolve("000-gradient-descent.md"), seed.readAllBytes());
        }
        ImportReport report = importer.sync("test");
        assertEquals(List.of(), report.errors());

        List<PaperSummary> listed = all();
        assertEquals(2, listed.size());
        PaperSummary anthropic = listed.get(0);
        assertEquals("Decomposing Language Models Into Understandable Components", anthropic.title());
        assertTrue(
                anthropic.summary().startsWith("Summary of Anthropic's work looking into LLM interpretability"),
                anthropic.summary());
        assertNull(anthropic.arxivId());
        PaperSummary miniGpt = listed.get(1);
        assertEquals("Mini-GPTs: Efficient Large Language Models throughContextual Pruning", miniGpt.title());
        assertEquals("2306.11644", miniGpt.arxivId());
        assertTrue(miniGpt.summary().startsWith("Examination of how removing neruons"), miniGpt.summary());
        assertTrue(
                miniGpt.summary().endsWith("Found some improvement in model size with relatively same performance."));
        long seedCard = card("000-gradient-descent");
        assertEquals(List.of(seedCard), anthropic.cardIds());
        assertEquals(List.of(seedCard), miniGpt.cardIds());
        assertEquals(List.of("GradientDescent", "Interview"), miniGpt.tags());
        assertEquals("read", miniGpt.status(), "a paper in a card's Papers read section has been read");
    }

    @Test
    void aPaperFileJoinsTheCardsCitingItByAnyIdentity() throws Exception {
        write("papers/attention.md", """
                ---
                kind: paper
                title: Attention Is All You Need
                authors: [Ashish Vaswani, Noam Shazeer]
                year: 2017
                url: https://papers.nips.cc/paper/7181-attention-is-all-you-need
                doi: 10.5555/3295222.3295349
                status: reading
                read: 2024-03-01
                tags: [Transformers]
                ---
                Self-attention replaces **recurrence**.
                """);
        write(
                "a.md",
                citing(
                        "Alpha",
                        "- [Transformer paper](https://doi.org/10.5555/3295222.3295349)\n    - Attention only."));
        write("b.md", citing("Beta", "- [NIPS version](https://papers.nips.cc/paper/7181-attention-is-all-you-need/)"));
        ImportReport report = importer.sync("test");
        assertEquals(List.of(), report.errors());
        assertEquals(3, report.added(), "two cards and one paper file");

        PaperDetail paper = only();
        assertEquals("Attention Is All You Need", paper.title(), "the paper file has the last word on metadata");
        assertEquals(List.of("Ashish Vaswani", "Noam Shazeer"), paper.authors());
        assertEquals(2017, paper.year());
        assertEquals("reading", paper.status());
        assertEquals(LocalDate.of(2024, 3, 1), paper.readDate());
        assertEquals("doi:10.5555/3295222.3295349", paper.key());
        assertEquals(
                List.of(card("a"), card("b")),
                paper.cards().stream().map(c -> c.cardId()).toList());
        assertEquals(1, paper.notes().size());
        assertEquals(
                "<p>Self-attention replaces <strong>recurrence</strong>.</p>\n",
                paper.notes().get(0).notesHtml());
        assertEquals(List.of("Alpha", "Beta", "Transformers"), paper.tags());
        assertEquals(
                1,
                papers.list(Optional.of("transformers"), Optional.empty(), PaperRepository.Sort.READ)
                        .size());
        assertEquals(
                1,
                papers.list(Optional.empty(), Optional.of(PaperNote.Status.READING), PaperRepository.Sort.READ)
                        .size());
        assertEquals(
                0,
                papers.list(Optional.empty(), Optional.of(PaperNote.Status.READ), PaperRepository.Sort.READ)
                        .size());

        // Unchanged files are not parsed again, and nothing moves.
        ImportReport again = importer.sync("test");
        assertEquals(3, again.unchanged());
        assertEquals(paper, only());
    }

    @Test
    void summariesBecomePromptsThatArchiveAndComeBackWithTheirHistory() throws Exception {
        write(
                "ml/adam.md",
                citing(
                        "Adam",
                        "- [Adam](https://arxiv.org/abs/1412.6980v9)\n    - Adaptive moments with bias correction."));
        importer.sync("test");
        long promptId = card("paper/arxiv:1412.6980");
        var prompt = cards.find(promptId).orElseThrow();
        assertEquals("paper", prompt.kind());
        assertEquals("ml", prompt.deck());
        assertEquals("What did Adam show?", prompt.question());
        assertEquals("Adaptive moments with bias correction.", prompt.answer());
        assertEquals("ml/adam.md", prompt.path());
        assertEquals(only().id(), prompt.citations().get(0).paperId(), "the prompt links to its paper");
        assertEquals(promptId, only().promptCardId());
        assertEquals(2, cards.list(Optional.empty(), false).size(), "the prompt is counted like any card");

        // The deck switches prompts off: the prompt is archived, its history kept.
        write("ml/settings.md", "---\npaper-prompts: false\n---\n# Settings\n# Question\nWhat is this deck?\n");
        importer.sync("test");
        assertTrue(cards.find(promptId).orElseThrow().archived());
        assertNull(only().promptCardId());

        Files.delete(deck.resolve("ml/settings.md"));
        importer.sync("test");
        assertFalse(cards.find(promptId).orElseThrow().archived(), "the same prompt card comes back");

        // The only citing card goes: the paper and its prompt are archived, then both return with the card.
        Files.delete(deck.resolve("ml/adam.md"));
        ImportReport gone = importer.sync("test");
        assertEquals(1, gone.archived(), "the card file; the prompt follows its paper");
        assertTrue(all().isEmpty());
        assertTrue(cards.find(promptId).orElseThrow().archived());
        write(
                "ml/adam.md",
                citing(
                        "Adam",
                        "- [Adam](https://arxiv.org/pdf/1412.6980)\n    - Adaptive moments with bias correction."));
        importer.sync("test");
        assertFalse(cards.find(promptId).orElseThrow().archived());
        assertEquals(1, all().size());
    }

    @Test
    void theDeckSwitchMustBeTrueOrFalse() throws Exception {
        write("a.md", "---\ntitle: A\npaper-prompts: sometimes\n---\n" + citing("Alpha"));
        ImportReport report = importer.sync("test");
        assertEquals(1, report.errors().size());
        assertEquals(3, report.errors().get(0).line());
        assertEquals(
                "front matter 'paper-prompts' is 'sometimes'; write true or false",
                report.errors().get(0).message());
    }

    @Test
    void aPaperWithoutSummaryHasNoPrompt() throws Exception {
        write("a.md", citing("Alpha", "- [Adam](https://arxiv.org/abs/1412.6980)"));
        importer.sync("test");
        assertEquals(
                List.of("basic"),
                cards.list(Optional.empty(), false).stream()
                        .map(CardSummary::kind)
                        .toList());
        assertNull(only().promptCardId());
    }

    @Test
    void aBrokenPaperFileIsReportedAndKeepsItsLastGoodVersion() throws Exception {
        write("p.md", "---\nkind: paper\ntitle: Adam\narxiv: 1412.6980\nstatus: read\n---\nGood notes.\n");
        importer.sync("test");
        long id = only().id();

        write("p.md", "---\nkind: paper\ntitle: Adam\narxiv: 1412.6980\nstatus: done\n---\nNew notes.\n");
        ImportReport report = importer.sync("test");
        assertEquals(1, report.errors().size());
        assertEquals("p.md", report.errors().get(0).file());
        assertEquals(5, report.errors().get(0).line(), "the line of the bad key");
        assertEquals(
                "paper file: status 'done' is not one of: to-read, reading, read",
                report.errors().get(0).message());
        assertEquals(id, only().id());
        assertEquals("<p>Good notes.</p>\n", only().notes().get(0).notesHtml());

        Files.delete(deck.resolve("p.md"));
        assertEquals(1, importer.sync("test").archived());
        assertTrue(all().isEmpty());
    }

    @Test
    void aCardCannotTakeAPromptSlug() throws Exception {
        write("paper/arxiv:1412.6980.md", citing("Alpha"));
        ImportReport report = importer.sync("test");
        assertEquals(1, report.errors().size());
        assertEquals(
                "id 'paper/arxiv:1412.6980' is kept for paper prompts; choose another",
                report.errors().get(0).message());
        assertEquals(0, cards.list(Optional.empty(), false).size());
    }

    @Test
    void aCardEditMovesItsCitationToAnotherPaper() throws Exception {
        write("a.md", citing("Alpha", "- [Adam](https://arxiv.org/abs/1412.6980)\n    - Moments."));
        importer.sync("test");
        long adam = only().id();
        write("a.md", citing("Alpha", "- [AdamW](https://arxiv.org/abs/1711.05101)\n    - Decoupled decay."));
        importer.sync("test");
        PaperDetail adamW = only();
        assertTrue(adamW.id() != adam);
        assertEquals("AdamW", adamW.title());
        assertNotNull(papers.find(adam).orElseThrow());
        assertTrue(papers.find(adam).orElseThrow().archived());
    }
}
