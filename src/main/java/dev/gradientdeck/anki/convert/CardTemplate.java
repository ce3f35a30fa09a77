package dev.gradientdeck.anki.convert;

import dev.gradientdeck.present.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Anki's card template language, rendered to HTML: {@code {{Field}}}, {@code {{FrontSide}}}, the special fields (Tags, Type,
 * Deck, Subdeck, Card), conditional sections {@code {{#Field}}...{{/Field}}} and {@code {{^Field}}...{{/Field}}}, and the
 * filters a learner meets: {@code cloze:}, {@code cloze-only:}, {@code type:} (the expected answer as plain text, on the answer
 * side only), {@code text:}, {@code hint:}, {@code furigana:}/{@code kana:}/{@code kanji:}, {@code tts}, {@code edit:}.
 */
public final class CardTemplate {
    private CardTemplate() {}

    /** What one card is rendered from: its fields and special values, its cloze number (0 for a normal card), which side. */
    public record Context(
            Map<String, String> fields, Map<String, String> specials, int clozeNumber, boolean answerSide) {}

    /** The rendered HTML and the field names the template used that the note type does not have. */
    public record Rendered(String html, Set<String> unknownFields) {}

    public static Rendered render(String template, Context context) {
        Set<String> unknown = new TreeSet<>();
        StringBuilder out = new StringBuilder();
        renderNodes(parse(template), context, out, unknown);
        return new Rendered(out.toString(), unknown);
    }

    /** Anki's test for an empty field: nothing but whitespace and markup. */
    public static boolean isEmpty(String html) {
        if (html == null) return true;
        String text = html.replaceAll("(?is)<(br|div|p|/div|/p|span|/span)[^>]*>", "")
                .replace("&nbsp;", " ")
                .replace('\u00a0', ' ');
        return text.isBlank();
    }

    // ---- the template as a tree ----

    private sealed interface Node permits Text, Replace, Section {}

    private record Text(String text) implements Node {}

    private record Replace(List<String> filters, String field) implements Node {}

    private record Section(String field, boolean inverted, List<Node> body) implements Node {}

    private static List<Node> parse(String template) {
        int[] at = {0};
        return parseUntil(template, at, null);
    }

    private static List<Node> parseUntil(String template, int[] at, String closing) {
        List<Node> nodes = new ArrayList<>();
        while (at[0] < template.length()) {
            int open = template.indexOf("{{", at[0]);
            if (open < 0) {
                nodes.add(new Text(template.substring(at[0])));
                at[0] = template.length();
                break;
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                nodes.add(new Text(template.substring(at[0])));
                at[0] = template.length();
                break;
            }
            if (open > at[0]) nodes.add(new Text(template.substring(at[0], open)));
            String tag = template.substring(open + 2, close).strip();
            at[0] = close + 2;
            if (tag.startsWith("#") || tag.startsWith("^")) {
                String field = tag.substring(1).strip();
                nodes.add(new Section(field, tag.startsWith("^"), parseUntil(template, at, field)));
            } else if (tag.startsWith("/")) {
                // A closing tag ends its section; a stray one is ignored as Anki's renderer reports and skips it.
                if (closing != null && tag.substring(1).strip().equals(closing)) return nodes;
            } else if (!tag.isEmpty()) {
                List<String> parts = new ArrayList<>(List.of(tag.split(":", -1)));
                String field = parts.remove(parts.size() - 1).strip();
                nodes.add(new Replace(parts.stream().map(String::strip).toList(), field));
            }
        }
        return nodes;
    }

    // ---- rendering ----

    private static void renderNodes(List<Node> nodes, Context context, StringBuilder out, Set<String> unknown) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Section s) {
                boolean present = !isEmpty(value(s.field(), context, unknown));
                if (present != s.inverted()) renderNodes(s.body(), context, out, unknown);
            } else if (node instanceof Replace r) {
                out.append(replacement(r, context, unknown));
            }
        }
    }

    private static String value(String field, Context context, Set<String> unknown) {
        String value = context.fields().get(field);
        if (value != null) return value;
        value = context.specials().get(field);
        if (value != null) return value;
        if (clozeConditional(field, context)) return "1";
        if (!field.matches("(?i)c\\d+")) unknown.add(field);
        return "";
    }

    /** {{#c2}}...{{/c2}} shows on the card for cloze 2. */
    private static boolean clozeConditional(String field, Context context) {
        return field.matches("(?i)c\\d{1,4}") && Integer.parseInt(field.substring(1)) == context.clozeNumber();
    }

    private static String replacement(Replace r, Context context, Set<String> unknown) {
        List<String> filters = r.filters();
        // Filters apply right to left, the one next to the field first.
        String value = value(r.field(), context, unknown);
        for (int i = filters.size() - 1; i >= 0; i--) {
            String filter = filters.get(i).toLowerCase(java.util.Locale.ROOT);
            if (filter.equals("type")) {
                boolean cloze = i > 0 && filters.get(i - 1).equalsIgnoreCase("cloze");
                if (!context.answerSide()) return "";
                String expected = cloze ? Cloze.only(value, context.clozeNumber()) : value;
                return "<div class=\"typed-answer\">" + Html.escape(plainText(expected)) + "</div>";
            }
            value = switch (filter) {
                case "cloze" ->
                    context.answerSide()
                            ? Cloze.answer(value, context.clozeNumber())
                            : Cloze.question(value, context.clozeNumber());
                case "cloze-only" -> Cloze.only(value, context.clozeNumber());
                case "text" -> Html.escape(plainText(value));
                case "furigana", "kanji" -> value.replaceAll("\\s?([^\\s\\[]+)\\[([^\\]]*)\\]", "$1");
                case "kana" -> value.replaceAll("\\s?([^\\s\\[]+)\\[([^\\]]*)\\]", "$2");
                // Spoken by Anki's text-to-speech; there is nothing to show.
                case "tts" -> "";
                // hint: shown as is (Anki folds it behind a link); edit: only makes the field editable in Anki's
                // reviewer.
                default -> value;
            };
            if (filter.startsWith("tts")) value = "";
        }
        return value;
    }

    static String plainText(String html) {
        return org.jsoup.Jsoup.parse(html.replaceAll("(?i)<br\\s*/?>", " ")).text();
    }
}
