package dev.gradientdeck.anki.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cloze deletions, {@code {{c1::text}}} or {@code {{c1::text::hint}}}, nested ones included. The card for cloze number n
 * hides the deletions numbered n on its question ("[...]" or "[hint]") and shows them marked on its answer; every other
 * deletion shows its text.
 */
public final class Cloze {
    private static final String ACTIVE = "<span class=\"cloze\">";

    private Cloze() {}

    /** The question side of the card for cloze {@code number}. */
    public static String question(String text, int number) {
        return render(text, number, Side.QUESTION);
    }

    /** The answer side of the card for cloze {@code number}. */
    public static String answer(String text, int number) {
        return render(text, number, Side.ANSWER);
    }

    /** Only the texts of deletion {@code number}, joined with ", " ({@code {{cloze-only:...}}} and typed cloze answers). */
    public static String only(String text, int number) {
        List<String> out = new ArrayList<>();
        collect(parse(text), number, out);
        return String.join(", ", out);
    }

    /** Every cloze number the text uses (numbers below 1 make no card in Anki and are left out). */
    public static Set<Integer> numbers(String text) {
        Set<Integer> numbers = new TreeSet<>();
        numbersOf(parse(text), numbers);
        return numbers;
    }

    private enum Side {
        QUESTION,
        ANSWER
    }

    /** Text, or a deletion with its number, its content (which may hold deletions) and its hint. */
    private sealed interface Part permits Plain, Deletion {}

    private record Plain(String text) implements Part {}

    private record Deletion(int number, List<Part> content, String hint) implements Part {}

    private static String render(String text, int number, Side side) {
        StringBuilder out = new StringBuilder();
        append(parse(text), number, side, out);
        return out.toString();
    }

    private static void append(List<Part> parts, int number, Side side, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Plain p) {
                out.append(p.text());
            } else if (part instanceof Deletion d) {
                if (d.number() != number) {
                    append(d.content(), number, side, out);
                } else if (side == Side.QUESTION) {
                    out.append(ACTIVE)
                            .append('[')
                            .append(d.hint().isEmpty() ? "..." : d.hint())
                            .append("]</span>");
                } else {
                    out.append(ACTIVE);
                    append(d.content(), number, side, out);
                    out.append("</span>");
                }
            }
        }
    }

    private static void collect(List<Part> parts, int number, List<String> out) {
        for (Part part : parts) {
            if (part instanceof Deletion d) {
                if (d.number() == number) {
                    StringBuilder text = new StringBuilder();
                    append(d.content(), number, Side.ANSWER, text);
                    out.add(text.toString().replace(ACTIVE, "").replace("</span>", ""));
                } else {
                    collect(d.content(), number, out);
                }
            }
        }
    }

    private static void numbersOf(List<Part> parts, Set<Integer> numbers) {
        for (Part part : parts) {
            if (part instanceof Deletion d) {
                if (d.number() > 0) numbers.add(d.number());
                numbersOf(d.content(), numbers);
            }
        }
    }

    // ---- parsing: a small recursive scan, since deletions nest and a hint is split off at the last top-level "::"
    // ----

    private static List<Part> parse(String text) {
        int[] at = {0};
        return parseUntil(text, at, false);
    }

    private static List<Part> parseUntil(String text, int[] at, boolean inside) {
        List<Part> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        while (at[0] < text.length()) {
            int i = at[0];
            if (inside && text.startsWith("}}", i)) break;
            int number = openingAt(text, i);
            if (number >= 0) {
                int afterOpen = text.indexOf("::", i) + 2;
                int[] inner = {afterOpen};
                List<Part> content = parseUntil(text, inner, true);
                if (inner[0] >= text.length()) {
                    // Never closed: Anki shows such text as it is.
                    plain.append(text, i, afterOpen);
                    at[0] = afterOpen;
                    continue;
                }
                if (!plain.isEmpty()) parts.add(new Plain(plain.toString()));
                plain.setLength(0);
                parts.add(withHint(number, content));
                at[0] = inner[0] + 2;
                continue;
            }
            plain.append(text.charAt(i));
            at[0] = i + 1;
        }
        if (!plain.isEmpty()) parts.add(new Plain(plain.toString()));
        return parts;
    }

    /** The number of a "{{cN::" opening at {@code i}, or -1. */
    private static int openingAt(String text, int i) {
        if (!text.startsWith("{{c", i) && !text.startsWith("{{C", i)) return -1;
        int j = i + 3;
        int start = j;
        while (j < text.length() && Character.isDigit(text.charAt(j))) j++;
        if (j == start || j - start > 4 || !text.startsWith("::", j)) return -1;
        return Integer.parseInt(text.substring(start, j));
    }

    /** The hint is what follows the last "::" in the deletion's own (top-level) text. */
    private static Deletion withHint(int number, List<Part> content) {
        if (!content.isEmpty() && content.get(content.size() - 1) instanceof Plain last) {
            int cut = last.text().lastIndexOf("::");
            if (cut >= 0) {
                List<Part> kept = new ArrayList<>(content.subList(0, content.size() - 1));
                if (cut > 0) kept.add(new Plain(last.text().substring(0, cut)));
                return new Deletion(number, kept, last.text().substring(cut + 2).strip());
            }
        }
        return new Deletion(number, content, "");
    }
}
