package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperNoteTest {

    /** Front matter as Jackson's YAML reader hands it over: strings, integers and lists. */
    private static Map<String, Object> attention() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", "paper");
        fields.put("title", "Attention Is All You Need");
        fields.put("authors", List.of("Ashish Vaswani", "Noam Shazeer"));
        fields.put("year", 2017);
        fields.put("url", "https://arxiv.org/abs/1706.03762v7");
        fields.put("arxiv", "1706.03762v7");
        fields.put("doi", "10.48550/arXiv.1706.03762");
        fields.put("status", "read");
        fields.put("read_date", "2024-03-01");
        fields.put("tags", List.of("#Transformers", "NLP"));
        return fields;
    }

    private static InvalidPaperNote invalid(Map<String, Object> fields) {
        return assertThrows(InvalidPaperNote.class, () -> PaperNote.fromFrontMatter(fields, ""));
    }

    @Test
    void readsEveryField() {
        PaperNote note = PaperNote.fromFrontMatter(attention(), "\nIntroduced the transformer.\n");
        assertEquals(
                new PaperNote(
                        "Attention Is All You Need",
                        List.of("Ashish Vaswani", "Noam Shazeer"),
                        2017,
                        "https://arxiv.org/abs/1706.03762v7",
                        "1706.03762",
                        "10.48550/arxiv.1706.03762",
                        PaperNote.Status.READ,
                        LocalDate.of(2024, 3, 1),
                        List.of("Transformers", "NLP"),
                        "Introduced the transformer."),
                note);
    }

    @Test
    void theReadDateMayBeWrittenAsRead() {
        Map<String, Object> fields = attention();
        fields.remove("read_date");
        fields.put("read", "2024-04-02");
        assertEquals(
                LocalDate.of(2024, 4, 2), PaperNote.fromFrontMatter(fields, "").readDate());
        fields.put("read", "yesterday");
        assertEquals(
                List.of("read 'yesterday' is not an ISO date (YYYY-MM-DD)"),
                invalid(fields).problems());
    }

    @Test
    void onlyKindAndTitleAreRequired() {
        PaperNote note = PaperNote.fromFrontMatter(Map.of("kind", "paper", "title", "A Title"), null);
        assertEquals(PaperNote.Status.TO_READ, note.status());
        assertNull(note.year());
        assertNull(note.readDate());
        assertEquals(List.of(), note.authors());
        assertEquals("", note.notes());
    }

    @Test
    void textValuesAreSplitIntoLists() {
        Map<String, Object> fields = attention();
        fields.put("authors", "Vaswani, Ashish and Shazeer, Noam; Parmar, Niki");
        fields.put("tags", "#a, b  c");
        fields.put("year", "2017");
        fields.put("status", "Reading");
        PaperNote note = PaperNote.fromFrontMatter(fields, "");
        assertEquals(List.of("Vaswani, Ashish", "Shazeer, Noam", "Parmar, Niki"), note.authors());
        assertEquals(List.of("a", "b", "c"), note.tags());
        assertEquals(2017, note.year());
        assertEquals(PaperNote.Status.READING, note.status());
    }

    @Test
    void notesComeFromFrontMatterAndBody() {
        Map<String, Object> fields = attention();
        fields.put("notes", "Short note.");
        assertEquals(
                "Short note.\n\nLonger notes.",
                PaperNote.fromFrontMatter(fields, "Longer notes.\n").notes());
    }

    @Test
    void badStatusNamesTheAllowedValues() {
        Map<String, Object> fields = attention();
        fields.put("status", "done");
        assertEquals(
                List.of("status 'done' is not one of: to-read, reading, read"),
                invalid(fields).problems());
    }

    @Test
    void yearMustBeANumber() {
        Map<String, Object> fields = attention();
        fields.put("year", "twenty seventeen");
        assertEquals(
                List.of("year 'twenty seventeen' is not a number (like 2017)"),
                invalid(fields).problems());
    }

    @Test
    void readDateMustBeIso() {
        Map<String, Object> fields = attention();
        fields.put("read_date", "03/01/2024");
        assertEquals(
                List.of("read_date '03/01/2024' is not an ISO date (YYYY-MM-DD)"),
                invalid(fields).problems());
    }

    @Test
    void identifiersAreChecked() {
        Map<String, Object> fields = attention();
        fields.put("url", "arxiv.org/abs/1706.03762");
        fields.put("arxiv", "attention");
        fields.put("doi", "11.1/x");
        assertEquals(
                List.of(
                        "url 'arxiv.org/abs/1706.03762' is not an http(s) address",
                        "arxiv 'attention' is not an arXiv id (like 2306.11644)",
                        "doi '11.1/x' is not a DOI (like 10.1000/xyz123)"),
                invalid(fields).problems());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", "card");
        fields.put("title", List.of("one", "two"));
        fields.put("status", "skimmed");
        InvalidPaperNote error = invalid(fields);
        assertEquals(
                List.of(
                        "kind 'card' is not 'paper'",
                        "title must be a single value, not a list",
                        "status 'skimmed' is not one of: to-read, reading, read"),
                error.problems());
        assertTrue(error.getMessage().contains("kind 'card' is not 'paper'; title must be"), error.getMessage());
    }

    @Test
    void kindIsRequired() {
        assertEquals(
                List.of("kind is required"),
                invalid(new HashMap<>(Map.of("title", "T"))).problems());
    }

    @Test
    void keyAndBibEntryCarryTheIdentity() {
        PaperNote note = PaperNote.fromFrontMatter(attention(), "");
        assertEquals("arxiv:1706.03762", note.key().text());
        BibEntry entry = note.bibEntry();
        assertEquals("1706.03762", entry.arxivId());
        assertEquals(List.of("Ashish Vaswani", "Noam Shazeer"), entry.authors());
        assertEquals(2017, entry.year());
    }
}
