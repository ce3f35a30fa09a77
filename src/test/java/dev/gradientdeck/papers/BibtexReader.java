package dev.gradientdeck.papers;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;

/**
 * Reads an export back with JBibTeX, a parser written independently of {@link Bibtex}, so a test checks what another
 * tool would see rather than what our own writer meant. Unbalanced braces, which BibTeX itself rejects, fail here too.
 */
final class BibtexReader {

    record Entry(String type, String key, Map<String, String> fields) {}

    private BibtexReader() {}

    static List<Entry> read(String bib) {
        checkBraceBalance(bib);
        BibTeXDatabase database;
        try {
            database = new BibTeXParser().parseFully(new StringReader(bib));
        } catch (Exception | Error e) {
            throw new IllegalStateException("not BibTeX: " + e.getMessage(), e);
        }
        return database.getEntries().values().stream().map(BibtexReader::entry).toList();
    }

    /** BibTeX counts every brace, escaped or not; JBibTeX forgives an escaped one, so this stricter check comes first. */
    private static void checkBraceBalance(String bib) {
        int depth = 0;
        for (char c : bib.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                throw new IllegalStateException("closing brace without an opening one");
            }
        }
        if (depth != 0) {
            throw new IllegalStateException(depth + " braces left open");
        }
    }

    private static Entry entry(BibTeXEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        entry.getFields().forEach((key, value) -> fields.put(key.getValue(), value.toUserString()));
        return new Entry(entry.getType().getValue(), entry.getKey().getValue(), fields);
    }

    /** What LaTeX would print for a field value: escapes resolved, grouping braces gone. */
    static String latexToText(String value) {
        try {
            return fromPlaceholders(new LaTeXPrinter().print(new LaTeXParser().parse(toPlaceholders(value))));
        } catch (Exception e) {
            throw new IllegalStateException("not LaTeX: " + value, e);
        }
    }

    // JBibTeX's LaTeX lexer stops at letters beyond Latin (CJK, for one), which LaTeX with UTF-8 input prints as they
    // are; they pass through the printer as plain ASCII words and come back afterwards.
    private static String toPlaceholders(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c > 0x24F ? "zzcp" + c + "zz" : Character.toString(c)));
        return out.toString();
    }

    private static String fromPlaceholders(String printed) {
        return java.util.regex.Pattern.compile("zzcp(\\d+)zz")
                .matcher(printed)
                .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1))));
    }
}
