package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.papers.ReadingLog.Citation;
import dev.gradientdeck.papers.ReadingLog.Note;
import dev.gradientdeck.papers.ReadingLog.Paper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadingLogTest {
    static int position = 0;

    static Citation cite(long card, String deck, String title, String url, String summary) {
        return new Citation(
                card, position++, deck + "/card" + card + ".md", deck, List.of("T" + card), title, url, summary);
    }

    static Note note(String path, Map<String, Object> fields) {
        return new Note(path, "papers", PaperNote.fromFrontMatter(fields, "notes of " + path));
    }

    @Test
    void mentionsSharingAnyIdentityAreOnePaperEvenThroughAThird() {
        Note bridge = note(
                "p.md",
                Map.of("kind", "paper", "title", "Bridge", "doi", "10.1000/xyz", "url", "https://example.org/paper"));
        List<Paper> papers = ReadingLog.of(
                List.of(bridge),
                List.of(
                        cite(1, "a", "By DOI", "https://doi.org/10.1000/XYZ", "one"),
                        cite(2, "a", "By URL", "http://www.example.org/paper/?utm_source=feed", "two"),
                        cite(3, "a", "Unrelated", "https://example.org/other", "")));
        assertEquals(2, papers.size());
        Paper bridged = papers.get(0);
        assertEquals("Bridge", bridged.title());
        assertEquals(new PaperKey(PaperKey.Kind.DOI, "10.1000/xyz"), bridged.key());
        assertEquals(
                List.of(1L, 2L),
                bridged.citations().stream().map(Citation::cardId).toList());
        assertEquals("one\n\ntwo", bridged.summary());
        assertEquals("Unrelated", papers.get(1).title());
    }

    @Test
    void theArxivIdIsTheKeyWhateverTheVersionOrLinkForm() {
        List<Paper> papers = ReadingLog.of(
                List.of(),
                List.of(
                        cite(1, "a", "Mini-GPTs", "https://arxiv.org/pdf/2306.11644v2.pdf", "s"),
                        cite(2, "b", "Mini-GPTs again", "https://doi.org/10.48550/arXiv.2306.11644", "s"),
                        cite(3, "b", "And again", "https://arxiv.org/abs/2306.11644", "")));
        assertEquals(1, papers.size());
        assertEquals("arxiv:2306.11644", papers.get(0).key().text());
        assertEquals("2306.11644", papers.get(0).arxivId());
        assertEquals("s", papers.get(0).summary(), "the same summary twice is kept once");
    }

    @Test
    void aTitleOnlyCitationJoinsTheOnlyIdentifiedPaperOfThatTitle() {
        List<Paper> joined = ReadingLog.of(
                List.of(),
                List.of(
                        cite(1, "a", "Attention Is All You Need", "https://arxiv.org/abs/1706.03762", ""),
                        cite(2, "a", "attention is all you need!", null, "")));
        assertEquals(1, joined.size());
        assertEquals(
                Set.of(
                        new PaperKey(PaperKey.Kind.ARXIV, "1706.03762"),
                        new PaperKey(PaperKey.Kind.URL, "arxiv.org/abs/1706.03762")),
                joined.get(0).identities(),
                "the title it joined by is not one of its identities");

        List<Paper> ambiguous = ReadingLog.of(
                List.of(),
                List.of(
                        cite(1, "a", "Survey", "https://one.example/survey", ""),
                        cite(2, "a", "Survey", "https://two.example/survey", ""),
                        cite(3, "a", "Survey", null, "")));
        assertEquals(3, ambiguous.size(), "two papers share the title, so the bare one cannot pick");
    }

    @Test
    void promptsComeFromSummariesOfDecksThatWantThem() {
        Paper paper = ReadingLog.of(
                        List.of(),
                        List.of(
                                cite(1, "quiet", "Adam", "https://arxiv.org/abs/1412.6980", "From the quiet deck."),
                                cite(2, "ml", "Adam", "https://arxiv.org/abs/1412.6980", "From ml.")))
                .get(0);
        ReadingLog.Prompt prompt = paper.prompt(deck -> !deck.equals("quiet")).orElseThrow();
        assertEquals("What did Adam show?", prompt.prompt().question());
        assertEquals("From ml.", prompt.prompt().answer());
        assertEquals("ml", prompt.deck());
        assertEquals("ml/card2.md", prompt.sourcePath());
        assertEquals(
                "From the quiet deck.\n\nFrom ml.",
                paper.prompt(deck -> true).orElseThrow().prompt().answer());
        assertTrue(paper.prompt(deck -> false).isEmpty());
    }

    @Test
    void aCitedPaperIsReadAndTakesItsCardsTags() {
        Paper paper = ReadingLog.of(
                        List.of(),
                        List.of(cite(1, "a", "X", "https://x.example", ""), cite(2, "a", "X", "https://x.example", "")))
                .get(0);
        assertEquals(PaperNote.Status.READ, paper.status());
        assertEquals(List.of("T1", "T2"), paper.tags());
        assertTrue(paper.prompt(deck -> true).isEmpty(), "no summary, no prompt");
    }
}
