package dev.gradientdeck.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only reader for the subset of BibTeX that {@link Bibtex} writes: {@code @type{key, name = {value}, ...}}.
 * Like BibTeX itself it counts every brace, escaped or not, so an export with an unbalanced field fails here.
 */
final class BibtexReader {

    record Entry(String type, String key, Map<String, String> fields) {
    }

    private final String text;
    private int at;

    private BibtexReader(String text) {
        this.text = text;
    }

    static List<Entry> read(String bib) {
        checkBraceBalance(bib);
        BibtexReader reader = new BibtexReader(bib);
        List<Entry> entries = new ArrayList<>();
        reader.skipSpace();
        while (reader.at < bib.length()) {
            entries.add(reader.entry());
            reader.skipSpace();
        }
        return entries;
    }

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

    private Entry entry() {
        expect('@');
        String type = until('{').trim();
        expect('{');
        String key = until(',').trim();
        expect(',');
        Map<String, String> fields = new LinkedHashMap<>();
        skipSpace();
        while (peek() != '}') {
            String name = until('=').trim();
            expect('=');
            skipSpace();
            if (fields.put(name, bracedValue()) != null) {
                throw new IllegalStateException("field " + name + " twice in " + key);
            }
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
            }
        }
        expect('}');
        return new Entry(type, key, fields);
    }

    private String bracedValue() {
        expect('{');
        int start = at;
        int depth = 1;
        while (depth > 0) {
            char c = next();
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return text.substring(start, at - 1);
    }

    private String until(char stop) {
        int start = at;
        while (peek() != stop) {
            if (peek() == '\n' && stop != '=') {
                throw new IllegalStateException("line ended before '" + stop + "' at " + at);
            }
            at++;
        }
        return text.substring(start, at);
    }

    private void expect(char wanted) {
        char found = next();
        if (found != wanted) {
            throw new IllegalStateException("expected '" + wanted + "' at " + (at - 1) + " but found '" + found + "'");
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalStateException("unexpected end of input");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    /** What LaTeX would print for a field value: escapes resolved, grouping braces gone. */
    static String latexToText(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '\\') {
                int nameEnd = i + 1;
                while (nameEnd < value.length() && Character.isLetter(value.charAt(nameEnd))) {
                    nameEnd++;
                }
                if (nameEnd == i + 1) {
                    out.append(value.charAt(i + 1));
                    i += 2;
                } else {
                    out.append(command(value.substring(i + 1, nameEnd)));
                    i = value.startsWith("{}", nameEnd) ? nameEnd + 2 : nameEnd;
                }
            } else {
                if (c != '{' && c != '}') {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    private static String command(String name) {
        return switch (name) {
            case "textbackslash" -> "\\";
            case "textbraceleft" -> "{";
            case "textbraceright" -> "}";
            case "textasciitilde" -> "~";
            case "textasciicircum" -> "^";
            default -> throw new IllegalStateException("unknown command \\" + name);
        };
    }
}
