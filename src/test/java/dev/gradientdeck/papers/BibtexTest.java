package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BibtexTest {

    private static final BibEntry ATTENTION = new BibEntry(
            "Attention Is All You Need",
            List.of("Ashish Vaswani", "Noam Shazeer"),
            2017,
            "https://arxiv.org/abs/1706.03762",
            "1706.03762",
            null,
            "Introduced the transformer.");

    private static BibEntry titled(String title) {
        return new BibEntry(title, List.of("Ada Lovelace"), 1843, null, null, null, null);
    }

    private static List<String> keys(List<BibEntry> entries) {
        return BibtexReader.read(Bibtex.export(entries)).stream()
                .map(BibtexReader.Entry::key)
                .toList();
    }

    @Test
    void writesTheFieldsOfAnArxivPaper() {
        BibtexReader.Entry entry =
                BibtexReader.read(Bibtex.export(List.of(ATTENTION))).get(0);
        assertEquals("misc", entry.type());
        assertEquals("vaswani2017attention", entry.key());
        assertEquals(
                Map.of(
                        "title", "{Attention} {Is} {All} {You} {Need}",
                        "author", "Ashish Vaswani and Noam Shazeer",
                        "year", "2017",
                        "eprint", "1706.03762",
                        "archivePrefix", "arXiv",
                        "url", "https://arxiv.org/abs/1706.03762",
                        "note", "Introduced the transformer."),
                entry.fields());
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        BibtexReader.Entry entry = BibtexReader.read(
                        Bibtex.export(List.of(new BibEntry("a study", null, null, null, null, "10.1000/x_y", null))))
                .get(0);
        assertEquals(Map.of("title", "a study", "doi", "10.1000/x_y"), entry.fields());
    }

    @Test
    void emptyListIsEmptyExport() {
        assertEquals("", Bibtex.export(List.of()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Q&A at 100% Accuracy",
                "A lone { brace",
                "A lone } brace",
                "Balanced {braces} too",
                "snake_case and $x^2$ costs #1 ~ about \\ nothing",
                "Über Régularisation in Ærø: Łódź 東京",
                "{}}{ \\{ \\} %% && $$ ## __ ~~ ^^ \\\\",
                "Mini-GPTs: Efficient Large Language Models throughContextual Pruning"
            })
    void titlesSurviveEscapingAndReadBackAsWritten(String title) {
        BibEntry entry = new BibEntry(
                title,
                List.of("Jane D'Arc_y", "Bob {Builder} & Co"),
                2020,
                "https://example.org/a_b%20c#x",
                null,
                null,
                "50% done & {more}");
        Map<String, String> fields =
                BibtexReader.read(Bibtex.export(List.of(entry))).get(0).fields();
        assertEquals(title, BibtexReader.latexToText(fields.get("title")));
        // LaTeX typesets a straight apostrophe as a right single quote.
        assertEquals("Jane D’Arc_y and Bob {Builder} & Co", BibtexReader.latexToText(fields.get("author")));
        assertEquals("50% done & {more}", BibtexReader.latexToText(fields.get("note")));
        assertEquals("https://example.org/a_b%20c#x", fields.get("url"), "urls are verbatim fields");
    }

    @Test
    void capitalsAreProtectedWordByWordAndUnicodeStaysUtf8() {
        String title = Bibtex.export(List.of(titled("Mini-GPTs über Ärger & more")))
                .lines()
                .filter(line -> line.startsWith("  title"))
                .findFirst()
                .orElseThrow();
        assertEquals("  title = {{Mini}-{GPTs} über {Ärger} \\& more},", title);
    }

    @Test
    void bracesInUrlsArePercentEncodedSoTheFileStaysBalanced() {
        String bib =
                Bibtex.export(List.of(new BibEntry("t", null, null, "https://example.org/{x}\\y z", null, null, null)));
        assertEquals(
                "https://example.org/%7Bx%7D%5Cy%20z",
                BibtexReader.read(bib).get(0).fields().get("url"));
    }

    @Test
    void multiLineNotesBecomeOneLine() {
        String bib =
                Bibtex.export(List.of(new BibEntry("t", null, null, null, null, null, "first\n\n  second\tthird")));
        assertEquals(
                "first second third", BibtexReader.read(bib).get(0).fields().get("note"));
    }

    @Test
    void theReaderRejectsUnbalancedBracesAsBibtexDoes() {
        assertThrows(IllegalStateException.class, () -> BibtexReader.read("@misc{k,\n  title = {a \\{ b}\n}\n"));
        assertThrows(IllegalStateException.class, () -> BibtexReader.read("@misc{k,\n  title = {a } b}\n}\n"));
    }

    @Test
    void keysFollowFamilyYearAndFirstSignificantWord() {
        assertEquals(
                List.of(
                        "vaswani2017attention",
                        "vaswani2017attention",
                        "muller2021effective",
                        "vandermaaten2008visualizing",
                        "anthropic2023decomposing",
                        "lukasz2016"),
                List.of(
                        keys(List.of(ATTENTION)).get(0),
                        keys(List.of(new BibEntry(
                                        "Attention Is All You Need",
                                        List.of("Vaswani, Ashish"),
                                        2017,
                                        null,
                                        null,
                                        null,
                                        null)))
                                .get(0),
                        keys(List.of(new BibEntry(
                                        "On the Effective Use of Müller",
                                        List.of("Jörg Müller"),
                                        2021,
                                        null,
                                        null,
                                        null,
                                        null)))
                                .get(0),
                        keys(List.of(new BibEntry(
                                        "Visualizing Data using t-SNE",
                                        List.of("van der Maaten, Laurens"),
                                        2008,
                                        null,
                                        null,
                                        null,
                                        null)))
                                .get(0),
                        keys(List.of(new BibEntry(
                                        "Decomposing Language Models",
                                        List.of("Anthropic"),
                                        2023,
                                        null,
                                        null,
                                        null,
                                        null)))
                                .get(0),
                        keys(List.of(new BibEntry("The", List.of("Łukasz"), 2016, null, null, null, null)))
                                .get(0)));
    }

    @Test
    void withoutAuthorTheKeyIsTheFirstTitleWords() {
        assertEquals(
                List.of("decomposinglanguage", "minigpts2023", "paper"),
                keys(List.of(
                        new BibEntry(
                                "Decomposing Language Models Into Understandable Components",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new BibEntry(
                                "Mini-GPTs: Efficient Large Language Models", List.of(), 2023, null, null, null, null),
                        new BibEntry("東京", List.of("李"), null, null, null, null, null))));
    }

    @Test
    void collidingKeysGetLetterSuffixesWhateverTheOrder() {
        BibEntry learning = titled("Notes on Learning");
        BibEntry learningMachines = titled("Notes on Learning Machines");
        BibEntry other = titled("Engines");
        assertEquals(
                List.of("lovelace1843notesa", "lovelace1843engines", "lovelace1843notesb"),
                keys(List.of(learning, other, learningMachines)));
        assertEquals(
                List.of("lovelace1843notesb", "lovelace1843engines", "lovelace1843notesa"),
                keys(List.of(learningMachines, other, learning)));
    }

    @Test
    void manyCollisionsStayDistinct() {
        List<BibEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(titled("Notes " + i));
        }
        entries.add(titled("Notesa"));
        List<String> keys = keys(entries);
        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
        assertTrue(keys.contains("lovelace1843notesa"));
        assertTrue(keys.contains("lovelace1843notesad"));
        assertFalse(keys.contains("lovelace1843notes"));
    }

    @Test
    void exportIsStable() {
        List<BibEntry> entries = List.of(ATTENTION, titled("Notes"), titled("Notes"));
        assertEquals(Bibtex.export(entries), Bibtex.export(List.copyOf(entries)));
    }
}
