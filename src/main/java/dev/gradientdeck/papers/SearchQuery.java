package dev.gradientdeck.papers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a learner typed in the search box, as the words to look for.
 *
 * <p>SQLite's FTS5 takes its query as a string in its own small language (quotes, AND/OR/NOT, parentheses, {@code *},
 * {@code column:}, {@code ^}). A bound JDBC parameter only delivers that string; it does not stop FTS5 from reading
 * it as syntax, so "a OR" or an unbalanced quote would be a syntax error and "title:x" a column filter. There is no
 * parameterised form of the language, so the expression is written here, from words alone, in a shape that is always
 * well formed: every word a quoted string token, all of them required, the last one a prefix so results appear
 * while the learner is still typing.
 *
 * @param words letters and digits only, in the order typed; never empty
 */
public record SearchQuery(List<String> words) {

    // The same split as FTS5's default unicode61 tokenizer: runs of letters, digits and combining marks.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    // A pasted page of text should not become a thousand-term query; the first words already narrow it enough.
    static final int MAX_WORDS = 16;

    public SearchQuery {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one word");
        }
        words = List.copyOf(words);
    }

    /** Empty when the text holds no words (blank, or punctuation only): such a search matches nothing. */
    public static Optional<SearchQuery> parse(String typed) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(typed == null ? "" : typed);
        while (word.find() && words.size() < MAX_WORDS) {
            words.add(word.group());
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(new SearchQuery(words));
    }

    /** The FTS5 MATCH expression, e.g. {@code "gradient" AND "desc"*}. */
    public String match() {
        // The prefix star binds to the token just before it, which is the last word.
        return words.stream().map(SearchQuery::quoted).collect(Collectors.joining(" AND ")) + "*";
    }

    /** The same words, each a whole word (no prefix): {@code "gradient" AND "desc"}. */
    public String matchWholeWords() {
        return words.stream().map(SearchQuery::quoted).collect(Collectors.joining(" AND "));
    }

    // Words hold no quote characters, so wrapping in quotes is enough to make each one a plain string token.
    private static String quoted(String word) {
        return "\"" + word + "\"";
    }
}
