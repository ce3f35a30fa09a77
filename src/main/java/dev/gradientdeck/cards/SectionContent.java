package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardDocument.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** What a section's markdown holds beyond its text: the items of its lists, the papers it cites, a heading's words. */
final class SectionContent {
    static final Parser MARKDOWN =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private SectionContent() {}

    static List<String> listItems(String markdown) {
        List<String> items = new ArrayList<>();
        List<String> lines = List.of(markdown.split("\n", -1));
        Node doc = MARKDOWN.parse(markdown);
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof ListBlock list)) continue;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                String text = itemText(item, lines);
                if (!text.isBlank()) items.add(text);
            }
        }
        return items;
    }

    static List<Citation> citations(String markdown) {
        List<Citation> out = new ArrayList<>();
        List<String> lines = List.of(markdown.split("\n", -1));
        Node doc = MARKDOWN.parse(markdown);
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof ListBlock list)) continue;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                Node lead = item.getFirstChild();
                if (lead == null) continue;
                Link link = firstLink(lead);
                String title =
                        link != null ? textOf(link).strip() : textOf(lead).strip();
                String url = link != null ? safeUrl(link.getDestination()) : null;
                List<String> summary = new ArrayList<>();
                // A trailing " - summary" on the title line counts too, as people often write it that way.
                String leadText = textOf(lead).strip();
                if (link != null && leadText.length() > title.length()) {
                    String tail = leadText.substring(leadText.indexOf(title) + title.length())
                            .replaceFirst("^[\\s:\\-\u2013\u2014]+", "");
                    if (!tail.isBlank()) summary.add(tail.strip());
                }
                for (Node rest = lead.getNext(); rest != null; rest = rest.getNext()) {
                    if (rest instanceof ListBlock nested) {
                        for (Node sub = nested.getFirstChild(); sub != null; sub = sub.getNext())
                            summary.add(itemText(sub, lines));
                    } else {
                        summary.add(sourceOf(rest, lines));
                    }
                }
                if (!title.isBlank())
                    out.add(new Citation(title, url, String.join("\n", summary).strip()));
            }
        }
        return out;
    }

    /** Only web and mail links are kept: a javascript: or data: URL in a citation must never become a link. */
    static String safeUrl(String url) {
        if (url == null) return null;
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                ? url.strip()
                : null;
    }

    private static Link firstLink(Node node) {
        if (node instanceof Link link) return link;
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            Link found = firstLink(child);
            if (found != null) return found;
        }
        return null;
    }

    /** The markdown of a list item as written, without its marker: the first block and any plain continuation. */
    private static String itemText(Node item, List<String> lines) {
        if (!(item instanceof ListItem) || item.getFirstChild() == null) return "";
        return sourceOf(item.getFirstChild(), lines);
    }

    private static String sourceOf(Node block, List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (SourceSpan span : block.getSourceSpans()) {
            String line = lines.get(span.getLineIndex());
            int end = Math.min(line.length(), span.getColumnIndex() + span.getLength());
            if (!out.isEmpty()) out.append('\n');
            out.append(line, Math.min(span.getColumnIndex(), end), end);
        }
        return out.toString().strip();
    }

    static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) out.append(t.getLiteral());
            else if (child instanceof Code c) out.append(c.getLiteral());
            else out.append(textOf(child));
        }
        return out.toString();
    }
}
