package dev.gradientdeck.papers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** BibTeX export of the papers a learner has read, for citing them from LaTeX. */
public final class Bibtex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private Bibtex() {}

    /** Entries as {@code @misc} records separated by blank lines; an empty list gives an empty string. */
    public static String export(List<BibEntry> entries) {
        List<String> keys = CitationKeys.assign(entries);
        return IntStream.range(0, entries.size())
                .mapToObj(i -> entry(keys.get(i), entries.get(i)))
                .collect(Collectors.joining("\n"));
    }

    // @misc rather than @article: most of these are preprints or web pages, and @article demands a journal.
    private static String entry(String key, BibEntry paper) {
        List<String> fields = new ArrayList<>();
        fields.add(field("title", protectCapitals(paper.title())));
        if (!paper.authors().isEmpty()) {
            fields.add(
                    field("author", paper.authors().stream().map(Bibtex::escape).collect(Collectors.joining(" and "))));
        }
        if (paper.year() != null) {
            fields.add(field("year", paper.year().toString()));
        }
        if (isPresent(paper.arxivId())) {
            fields.add(field("eprint", escape(paper.arxivId())));
            fields.add(field("archivePrefix", "arXiv"));
        }
        if (isPresent(paper.doi())) {
            fields.add(field("doi", verbatim(paper.doi())));
        }
        if (isPresent(paper.url())) {
            fields.add(field("url", verbatim(paper.url())));
        }
        if (isPresent(paper.note())) {
            fields.add(field("note", escape(paper.note())));
        }
        return "@misc{" + key + ",\n" + String.join(",\n", fields) + "\n}\n";
    }

    private static String field(String name, String value) {
        return "  " + name + " = {" + value + "}";
    }

    /**
     * Bibliography styles lowercase titles; wrapping each word that holds a capital in braces keeps the title as
     * the learner wrote it (acronyms such as GPT, names such as Adam). The braces go around plain letters only:
     * a group that starts with a backslash is a "special character" to BibTeX and would be lowercased anyway.
     */
    private static String protectCapitals(String title) {
        String line = oneLine(title);
        StringBuilder out = new StringBuilder();
        Matcher word = WORD.matcher(line);
        int end = 0;
        while (word.find()) {
            out.append(escapeSpecials(line.substring(end, word.start())));
            String letters = word.group();
            out.append(letters.chars().anyMatch(Character::isUpperCase) ? "{" + letters + "}" : letters);
            end = word.end();
        }
        return out.append(escapeSpecials(line.substring(end))).toString();
    }

    /**
     * LaTeX's special characters made literal. BibTeX counts every brace, escaped or not, so a lone brace is written
     * as a command whose own braces balance rather than as {@code \{}. Non-ASCII letters stay as UTF-8, which biber
     * and modern LaTeX read directly.
     */
    private static String escape(String text) {
        return escapeSpecials(oneLine(text));
    }

    private static String escapeSpecials(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(c -> out.append(
                        switch (c) {
                            case '\\' -> "\\textbackslash{}";
                            case '{' -> "\\textbraceleft{}";
                            case '}' -> "\\textbraceright{}";
                            case '~' -> "\\textasciitilde{}";
                            case '^' -> "\\textasciicircum{}";
                            case '%', '&', '$', '#', '_' -> "\\" + (char) c;
                            default -> String.valueOf((char) c);
                        }));
        return out.toString();
    }

    // A blank line inside a field is a paragraph break to LaTeX, and a .bib file reads best one field per line.
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    // url and doi are verbatim fields in biblatex and the url package: LaTeX escapes would end up in the link.
    // Only what would break the .bib file itself (braces, backslashes, spaces) is percent-encoded.
    private static String verbatim(String link) {
        return link.trim()
                .replace("\\", "%5C")
                .replace("{", "%7B")
                .replace("}", "%7D")
                .replaceAll("\\s", "%20");
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
