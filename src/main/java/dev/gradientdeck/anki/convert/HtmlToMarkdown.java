package dev.gradientdeck.anki.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Anki's field HTML as markdown where it is simple (paragraphs, line breaks, bold, italic, lists, links, images, code, MathJax)
 * and as HTML where it is not (tables, sub- and superscripts), which the import sanitizes like any card. Hidden elements,
 * scripts and form controls are dropped: they only work inside Anki's reviewer. Headings become bold lines, because a
 * heading in a card file starts a new section. jsoup parses; the walk is ours, since no kept library converts to the
 * subset of markdown card files use.
 */
public final class HtmlToMarkdown {
    private static final Set<String> DROPPED = Set.of(
            "script",
            "style",
            "canvas",
            "button",
            "input",
            "select",
            "textarea",
            "object",
            "iframe",
            "noscript",
            "template",
            "head",
            "title",
            "embed");
    private static final Set<String> BLOCKS = Set.of(
            "div",
            "p",
            "section",
            "article",
            "center",
            "header",
            "footer",
            "main",
            "aside",
            "nav",
            "figure",
            "figcaption",
            "address",
            "details",
            "summary",
            "dl",
            "dt",
            "dd");
    private static final Set<String> KEPT_AS_HTML =
            Set.of("table", "sub", "sup", "del", "s", "strike", "ins", "mark", "small", "ruby", "rt", "rp", "kbd");
    private static final Pattern MATH = Pattern.compile("\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("(?i)display\\s*:\\s*none");

    private final UnaryOperator<String> media;

    /** {@code media} turns a media file name the HTML refers to into the URL the card file uses. */
    public HtmlToMarkdown(UnaryOperator<String> media) {
        this.media = media;
    }

    /** The words a reader sees in the HTML: without hidden elements, scripts and markup. */
    public static String visibleText(String html) {
        Element body =
                Jsoup.parseBodyFragment(html.replaceAll("(?i)<br\\s*/?>", " ")).body();
        body.select("*").forEach(e -> {
            if (e.parent() != null && dropped(e)) e.remove();
        });
        return body.text();
    }

    public String convert(String html) {
        org.jsoup.nodes.Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        Element body = document.body();
        Blocks out = new Blocks();
        blocks(body, out);
        return out.result();
    }

    /** Paragraphs and other blocks, separated by blank lines; inline text collects in the current paragraph. */
    private static final class Blocks {
        final List<String> done = new ArrayList<>();
        final StringBuilder current = new StringBuilder();

        void flush() {
            String paragraph = tidy(current.toString());
            if (!paragraph.isBlank()) done.add(paragraph);
            current.setLength(0);
        }

        void add(String block) {
            flush();
            if (!block.isBlank()) done.add(block);
        }

        String result() {
            flush();
            return String.join("\n\n", done);
        }
    }

    private void blocks(Element container, Blocks out) {
        for (Node child : container.childNodes()) {
            if (child instanceof TextNode text) {
                out.current.append(text(text.getWholeText()));
            } else if (child instanceof Element e) {
                block(e, out);
            }
        }
    }

    private void block(Element e, Blocks out) {
        String tag = e.normalName();
        if (dropped(e)) return;
        if (BLOCKS.contains(tag)) {
            out.flush();
            blocks(e, out);
            out.flush();
        } else if (tag.equals("ul") || tag.equals("ol")) {
            out.add(list(e, 0));
        } else if (tag.equals("pre")) {
            out.add("```\n" + e.wholeText().replace("```", "'''").strip() + "\n```");
        } else if (tag.equals("blockquote")) {
            Blocks inner = new Blocks();
            blocks(e, inner);
            out.add(inner.result()
                    .lines()
                    .map(line -> line.isEmpty() ? ">" : "> " + line)
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse(""));
        } else if (tag.equals("hr")) {
            out.add("* * *");
        } else if (tag.matches("h[1-6]")) {
            out.add(strong(inline(e)));
        } else if (tag.equals("table")) {
            out.add(html(e));
        } else {
            out.current.append(inlineElement(e));
        }
    }

    private String list(Element list, int indent) {
        boolean ordered = list.normalName().equals("ol");
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) continue;
            String marker = ordered ? (n++) + ". " : "- ";
            StringBuilder text = new StringBuilder();
            List<String> nested = new ArrayList<>();
            for (Node child : item.childNodes()) {
                if (child instanceof Element e
                        && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                    nested.add(list(e, indent + marker.length()));
                } else if (child instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.append(' ').append(inline(e));
                } else {
                    text.append(inlineNode(child));
                }
            }
            lines.add(" ".repeat(indent)
                    + marker
                    + tidy(text.toString()).replace("\n", "\n" + " ".repeat(indent + marker.length())));
            lines.addAll(nested);
        }
        return String.join("\n", lines);
    }

    private String inline(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node child : e.childNodes()) out.append(inlineNode(child));
        return tidy(out.toString());
    }

    private String inlineNode(Node node) {
        if (node instanceof TextNode text) return text(text.getWholeText());
        if (node instanceof Element e) {
            if (BLOCKS.contains(e.normalName())) return "\\\n" + inline(e) + "\\\n";
            return inlineElement(e);
        }
        return "";
    }

    private String inlineElement(Element e) {
        if (dropped(e)) return "";
        String tag = e.normalName();
        return switch (tag) {
            case "br" -> "\\\n";
            case "b", "strong" -> strong(inline(e));
            case "i", "em", "cite", "dfn" -> wrap("*", inline(e));
            case "code", "tt", "samp" -> code(e.text());
            case "a" -> link(e);
            case "img" -> image(e);
            case "audio", "video", "source" -> audio(e);
            case "span" -> e.hasClass("cloze") ? strong(inline(e)) : inline(e);
            default -> KEPT_AS_HTML.contains(tag) ? html(e) : inline(e);
        };
    }

    private static boolean dropped(Element e) {
        return DROPPED.contains(e.normalName())
                || HIDDEN.matcher(e.attr("style")).find();
    }

    private static String strong(String text) {
        return wrap("**", text);
    }

    /** Emphasis markers must touch the text, so surrounding spaces move outside them. */
    private static String wrap(String marker, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) return text;
        int lead = text.indexOf(trimmed.charAt(0));
        String before = text.substring(0, lead);
        String after = text.substring(lead + trimmed.length());
        return before + marker + trimmed + marker + after;
    }

    private static String code(String text) {
        String fence = text.contains("`") ? "`` " : "`";
        return fence + text + new StringBuilder(fence).reverse();
    }

    private String link(Element a) {
        String text = inline(a);
        String href = a.attr("href").strip();
        String lower = href.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:"))) return text;
        return "[" + (text.isBlank() ? escape(href) : text) + "](" + destination(href) + ")";
    }

    private String image(Element img) {
        String src = img.attr("src").strip();
        if (src.isEmpty()) return "";
        String lower = src.toLowerCase(Locale.ROOT);
        String url = lower.startsWith("http://") || lower.startsWith("https://") ? src : media.apply(src);
        return "![" + escape(img.attr("alt")) + "](" + destination(url) + ")";
    }

    private String audio(Element e) {
        String src = e.attr("src").strip();
        if (src.isEmpty()) {
            Element source = e.selectFirst("source[src]");
            if (source == null) return "";
            src = source.attr("src").strip();
        }
        return "<audio controls src=\"" + media.apply(src).replace("\"", "%22") + "\"></audio>";
    }

    /** Markdown link destinations break at spaces and unbalanced parentheses: those are percent-encoded. */
    private static String destination(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private String html(Element e) {
        Element copy = e.clone();
        copy.select("*").forEach(child -> {
            if (dropped(child)) child.remove();
        });
        copy.select("img[src]").forEach(img -> {
            String src = img.attr("src");
            if (!src.toLowerCase(Locale.ROOT).startsWith("http")) img.attr("src", media.apply(src));
        });
        copy.select("[style]").removeAttr("style");
        // One line: a blank line inside would end the HTML block in markdown.
        return copy.outerHtml().replaceAll("\\s*\\n\\s*", " ");
    }

    // ---- text ----

    private static String text(String raw) {
        String text = raw.replace('\u00a0', ' ').replaceAll("[\\t\\r\\n ]+", " ");
        StringBuilder out = new StringBuilder();
        Matcher m = MATH.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start())));
            out.append(
                    m.group(1) != null
                            ? "$" + m.group(1).strip() + "$"
                            : "$$" + m.group(2).strip() + "$$");
            last = m.end();
        }
        out.append(escape(text.substring(last)));
        return out.toString();
    }

    /** Escapes what markdown (and the card format's math) would read as markup; underscores inside words are left alone. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = switch (c) {
                case '\\', '*', '`', '[', ']', '<', '>', '#', '$', '|' -> true;
                case '_' ->
                    !(i > 0
                            && i + 1 < text.length()
                            && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(text.charAt(i + 1)));
                case '&' -> text.substring(i).matches("(?s)&#?\\w+;.*");
                default -> false;
            };
            if (special) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    /** Trims each line and escapes what would start a list, a quote or a heading at the start of a line. */
    private static String tidy(String markdown) {
        List<String> lines = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            String l = line.strip();
            if (l.equals("\\")) l = "";
            if (l.matches("[-+=](\\s.*)?|[-=]+")) l = "\\" + l;
            else if (l.matches("\\d{1,9}[.)](\\s.*)?")) l = l.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
            lines.add(l);
        }
        // A trailing line break (a "\" at the end of the last line) would show as a backslash.
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        while (!lines.isEmpty() && lines.get(0).isEmpty()) lines.remove(0);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean endsParagraph = i + 1 == lines.size() || lines.get(i + 1).isEmpty();
            if (endsParagraph && line.endsWith("\\") && !line.endsWith("\\\\"))
                lines.set(i, line.substring(0, line.length() - 1).strip());
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n");
    }
}
