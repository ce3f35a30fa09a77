package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

    private static Optional<String> match(String typed) {
        return SearchQuery.parse(typed).map(SearchQuery::match);
    }

    @Test
    void wordsAreQuotedAndAndedWithTheLastAsPrefix() {
        assertEquals(Optional.of("\"gradient\" AND \"desc\"*"), match("gradient desc"));
        assertEquals(Optional.of("\"grad\"*"), match("grad"));
        assertEquals(Optional.of("\"Adam\" AND \"β2\" AND \"2014\"*"), match("  Adam, β2 (2014)  "));
    }

    @Test
    void unicodeWordsAreKept() {
        assertEquals(Optional.of("\"régularisation\" AND \"東京\" AND \"Ærø\"*"), match("régularisation 東京 Ærø"));
        assertEquals(
                List.of("naïve"),
                SearchQuery.parse("nai\u0308ve").orElseThrow().words().stream()
                        .map(word -> java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFC))
                        .toList());
    }

    @Test
    void ftsSyntaxIsOnlyWords() {
        assertEquals(Optional.of("\"unbalanced\"*"), match("\"unbalanced"));
        assertEquals(Optional.of("\"AND\"*"), match("AND"));
        assertEquals(Optional.of("\"a\" AND \"OR\"*"), match("a OR"));
        assertEquals(Optional.of("\"NOT\" AND \"x\"*"), match("NOT x"));
        assertEquals(Optional.of("\"title\" AND \"x\" AND \"y\"*"), match("title:x^y*"));
        assertEquals(Optional.of("\"a\" AND \"NEAR\" AND \"b\" AND \"c\"*"), match("(a) NEAR/ b* -c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "(", ")", "\"", "*", ":", "^", "\"\" ( ) * : ^ - + ; ...", "!?"})
    void noWordsMeansNoQuery(String typed) {
        assertEquals(Optional.empty(), SearchQuery.parse(typed));
    }

    @Test
    void nullMeansNoQuery() {
        assertEquals(Optional.empty(), SearchQuery.parse(null));
    }

    @Test
    void aPastedPageIsCutToTheFirstWords() {
        String page = "word ".repeat(1000);
        assertEquals(
                SearchQuery.MAX_WORDS,
                SearchQuery.parse(page).orElseThrow().words().size());
    }

    @Test
    void aQueryNeedsWords() {
        assertThrows(IllegalArgumentException.class, () -> new SearchQuery(List.of()));
    }

    /** The point of the class: whatever is typed, SQLite's FTS5 accepts the expression and finds by words. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"unbalanced",
                "AND",
                "a OR",
                "(a",
                "grad desc",
                "NOT NOT",
                "title:x",
                "a^b",
                "x* y*",
                "NEAR(a b)",
                "\"a\" \"",
                "'; DROP TABLE docs; --",
                "régularisation"
            })
    void everyExpressionIsValidFts5(String typed) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement setup = db.createStatement()) {
                setup.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body)");
                setup.execute("INSERT INTO docs VALUES ('Gradient descent', 'grad steps downhill'), "
                        + "('title', 'a OR b and NOT x, unbalanced régularisation')");
            }
            List<String> found = new ArrayList<>();
            String expression = match(typed).orElseThrow();
            try (PreparedStatement search = db.prepareStatement("SELECT title FROM docs WHERE docs MATCH ?")) {
                search.setString(1, expression);
                try (ResultSet rows = search.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
            if (typed.equals("grad desc")) {
                assertEquals(List.of("Gradient descent"), found);
            }
            if (typed.equals("a OR") || typed.equals("\"unbalanced")) {
                assertEquals(List.of("title"), found);
            }
        }
    }
}
