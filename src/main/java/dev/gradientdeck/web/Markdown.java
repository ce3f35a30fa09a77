package dev.gradientdeck.web;

import dev.gradientdeck.present.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to HTML that is safe to put in a page: commonmark renders, an allow-list sanitizer keeps only harmless markup.
 * Called once per card at import; pages show the stored result.
 *
 * <p>Math is lifted out before rendering and put back after sanitizing as escaped text between KaTeX's {@code \( \)} and
 * {@code \[ \]} delimiters, so markdown never mangles it ({@code _} and {@code *} are common in TeX) and it can never
 * carry markup. commonmark-java has no math extension, hence the small scanner here.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(false).build();
    private static final String TOKEN = "gdmathzq";
    private static final Pattern TOKEN_PATTERN = Pattern.compile(TOKEN + "(\\d+)x");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "pre",
                    "code",
                    "em",
                    "strong",
                    "del",
                    "s",
                    "sup",
                    "sub",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "a",
                    "img",
                    "audio")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title")
            .onElements("a")
            .allowAttributes("src", "alt", "title")
            .onElements("img")
            // Sound from an imported Anki card, played from the deck's media folder.
            .allowAttributes("src")
            .onElements("audio")
            .allowAttributes("controls")
            .matching(Pattern.compile("|controls"))
            .onElements("audio")
            .allowAttributes("align")
            .matching(Pattern.compile("left|right|center"))
            .onElements("th", "td")
            .allowAttributes("class")
            .matching(Pattern.compile("language-[A-Za-z0-9_+\\-]{1,40}"))
            .onElements("code")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private Markdown() {}

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        List<String> math = new ArrayList<>();
        return safeHtml(PARSER.parse(liftMath(markdown, math)), math);
    }

    /** A text as safe HTML for the page and as plain words for the search index. */
    public record Rendered(String html, String plainText) {}

    /** Both renderings from one parse: an import needs both for every card, and parsing is the costly part. */
    public static Rendered toHtmlAndText(String markdown) {
        if (markdown == null || markdown.isBlank()) return new Rendered("", "");
        List<String> math = new ArrayList<>();
        Node document = PARSER.parse(liftMath(markdown, math));
        return new Rendered(safeHtml(document, math), plainText(document, math));
    }

    private static String safeHtml(Node document, List<String> math) {
        String html = POLICY.sanitize(RENDERER.render(document));
        return TOKEN_PATTERN.matcher(html).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return i < math.size() ? java.util.regex.Matcher.quoteReplacement(Html.escape(math.get(i))) : "";
        });
    }

    /** One line of markdown (a list item, a key point) as inline HTML, without the paragraph around it. */
    public static String toSafeInlineHtml(String markdown) {
        String html = toSafeHtml(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    /**
     * The words of a markdown text without its markup, for the search index and its snippets: link text without the
     * address, code as written, math as readable text ({@code \\eta \\nabla L} becomes "η ∇L"), raw HTML dropped (it is
     * sanitized away on the page too). A visitor rather than commonmark's {@code TextContentRenderer}, which writes link
     * addresses and raw HTML into the text, where a search for "https" or "div" would find them.
     */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        List<String> math = new ArrayList<>();
        return plainText(PARSER.parse(liftMath(markdown, math)), math);
    }

    private static String plainText(Node document, List<String> math) {
        StringBuilder out = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(FencedCodeBlock block) {
                out.append(block.getLiteral()).append('\n');
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                out.append(block.getLiteral()).append('\n');
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                out.append('\n');
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                out.append('\n');
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                out.append('\n');
            }

            // Table cells and other extension nodes: keep their words apart.
            @Override
            public void visit(CustomNode node) {
                visitChildren(node);
                out.append(' ');
            }
        });
        return TOKEN_PATTERN.matcher(out.toString().strip()).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            if (i >= math.size()) return "";
            String delimited = math.get(i);
            return java.util.regex.Matcher.quoteReplacement(
                    MathText.of(delimited.substring(2, delimited.length() - 2)));
        });
    }

    /** Replaces each math span outside code with a token; {@code math} receives the delimited math as written. */
    static String liftMath(String text, List<String> math) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inFence = false;
        String fence = "";
        int i = 0;
        int n = text.length();
        while (i < n) {
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            if (lineStart) {
                int lineEnd = text.indexOf('\n', i);
                if (lineEnd < 0) lineEnd = n;
                String line = text.substring(i, lineEnd);
                String trimmed = line.stripLeading();
                boolean opensOrCloses = line.length() - trimmed.length() <= 3
                        && (trimmed.startsWith("```") || trimmed.startsWith("~~~"));
                if (inFence || opensOrCloses) {
                    if (opensOrCloses) {
                        String marker = trimmed.substring(0, 3);
                        if (!inFence) {
                            inFence = true;
                            fence = marker;
                        } else if (marker.equals(fence) && isClosingFence(trimmed, fence.charAt(0))) {
                            inFence = false;
                        }
                    }
                    out.append(line);
                    if (lineEnd < n) out.append('\n');
                    i = lineEnd + 1;
                    continue;
                }
            }
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = runLength(text, i, '`');
                int close = text.indexOf("`".repeat(run), i + run);
                while (close >= 0 && runLength(text, close, '`') != run)
                    close = text.indexOf("`".repeat(run), close + runLength(text, close, '`'));
                int end = close < 0 ? i + run : close + run;
                out.append(text, i, end);
                i = end;
            } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '$') {
                int close = text.indexOf("$$", i + 2);
                if (close < 0) {
                    out.append("$$");
                    i += 2;
                } else {
                    out.append(token(math, "\\[" + text.substring(i + 2, close).strip() + "\\]"));
                    i = close + 2;
                }
            } else if (c == '$' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                int close = inlineMathEnd(text, i + 1);
                if (close < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(token(math, "\\(" + text.substring(i + 1, close) + "\\)"));
                    i = close + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isClosingFence(String trimmed, char marker) {
        return trimmed.strip().chars().allMatch(c -> c == marker);
    }

    /** Pandoc's rule: the closing $ follows a non-space, is not escaped, and no digit follows it ("$5 and $6" is money). */
    private static int inlineMathEnd(String text, int from) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') return -1;
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '$'
                    && !Character.isWhitespace(text.charAt(j - 1))
                    && (j + 1 >= text.length() || !Character.isDigit(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static int runLength(String text, int from, char c) {
        int j = from;
        while (j < text.length() && text.charAt(j) == c) j++;
        return j - from;
    }

    private static String token(List<String> math, String delimited) {
        math.add(delimited);
        return TOKEN + (math.size() - 1) + "x";
    }
}
