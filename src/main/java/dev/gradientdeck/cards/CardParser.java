package dev.gradientdeck.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gradientdeck.cards.CardDocument.Citation;
import dev.gradientdeck.cards.CardDocument.DescentBlock;
import dev.gradientdeck.cards.CardDocument.Kind;
import dev.gradientdeck.cards.CardDocument.Section;
import dev.gradientdeck.cards.CardDocument.StreakRecord;
import dev.gradientdeck.papers.InvalidPaperNote;
import dev.gradientdeck.papers.PaperNote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one card file (DESIGN section 4) into a {@link CardDocument}, or a paper file (front matter {@code kind: paper})
 * into a {@link PaperDocument}. Pure: bytes and a relative path in, a document or a
 * {@link CardFileException} with the line and the reason out.
 *
 * <p>Sections are found on commonmark's block tree (so a "#" inside a code fence is never a heading) and cut from the
 * source by line, which keeps every line number true to the file.
 */
public final class CardParser {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String DEFAULT_DECK = "Default";

    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    /**
     * The block structure alone, for cutting a file into sections: inline parsing is most of commonmark's work and the
     * section split never needs it (heading text is parsed on its own line).
     */
    private static final Parser BLOCKS = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> { })
            .build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern TAGS_LINE = Pattern.compile("(?i)^\\s*#?\\s*tags\\s*:(.*)$");
    private static final Pattern TAG = Pattern.compile("#?([\\p{L}\\p{N}][\\p{L}\\p{N}_\\-/]*)");
    private static final Pattern RECORD_LINE =
            Pattern.compile("(?i)^\\s*[*_]*\\s*(current streak|all[- ]time best streak|best streak|all[- ]time total)\\s*[*_]*\\s*:\\s*[*_]*\\s*(\\d{1,6})\\s*[*_]*\\s*$");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*(/[A-Za-z0-9][A-Za-z0-9._\\-]*)*");
    private static final Set<String> FRONT_MATTER_KEYS = Set.of("id", "title", "tags", "deck", "date", "kind", "paper-prompts");

    private enum Role { QUESTION, ANSWER, PAPERS, KEY_POINTS, OTHER }

    private CardParser() {}

    public static DeckFile parse(String relativePath, byte[] bytes) throws CardFileException {
        String text = decode(bytes);
        List<String> lines = List.of(text.split("\n", -1));
        FrontMatter front = frontMatter(lines);
        List<String> body = lines.subList(front.bodyStart(), lines.size());
        Optional<Boolean> paperPrompts = paperPrompts(front);
        if ("paper".equalsIgnoreCase(front.text("kind"))) return paperNote(relativePath, front, body, paperPrompts);
        return parseBody(relativePath, front, body, front.bodyStart(), paperPrompts);
    }

    // ---- bytes to text ----

    private static String decode(byte[] bytes) throws CardFileException {
        if (bytes.length > MAX_BYTES) {
            throw new CardFileException(1, "file is " + bytes.length + " bytes; a card file may be at most 1 MB");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CardFileException(lineAt(bytes, i), "binary file (a NUL byte at line " + lineAt(bytes, i) + "); a card is a UTF-8 markdown file");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int line = lineAt(bytes, firstInvalidUtf8(bytes));
            throw new CardFileException(line, "not valid UTF-8 at line " + line + "; save the file as UTF-8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) throw new CardFileException(1, "file is empty");
        return text;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    // ---- front matter ----

    private record FrontMatter(JsonNode fields, int bodyStart, List<String> lines) {
        String text(String key) {
            JsonNode node = fields.get(key);
            return node == null || node.isNull() ? null : node.asText();
        }

        int lineOf(String key) {
            return lineOfKey(lines, lines.size(), key);
        }

        /** A top-level value as it is written in the file, without a trailing comment. */
        String written(String key) {
            String line = lines.get(lineOf(key) - 1);
            return line.substring(line.indexOf(':') + 1).replaceFirst("\\s+#.*$", "").strip();
        }
    }

    private static FrontMatter frontMatter(List<String> lines) throws CardFileException {
        if (!lines.get(0).strip().equals("---")) return new FrontMatter(YAML.createObjectNode(), 0, List.of());
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("---") || l.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) throw new CardFileException(1, "front matter opened with '---' at line 1 is never closed");
        String yaml = String.join("\n", lines.subList(1, close));
        JsonNode node;
        try {
            node = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            throw new CardFileException(line, "front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode() || node.isNull()) node = YAML.createObjectNode();
        if (!node.isObject()) throw new CardFileException(2, "front matter must be a set of 'key: value' lines");
        for (String key : FRONT_MATTER_KEYS) {
            JsonNode value = node.get(key);
            boolean fits = value == null || (key.equals("tags") ? value.isArray() || value.isTextual() : value.isValueNode());
            if (!fits) {
                throw new CardFileException(lineOfKey(lines, close, key), "front matter '" + key + "' has the wrong type");
            }
        }
        return new FrontMatter(node, close + 1, lines.subList(0, close));
    }

    private static int lineOfKey(List<String> lines, int close, String key) {
        for (int i = 1; i < close; i++) if (lines.get(i).startsWith(key + ":")) return i + 1;
        return 1;
    }

    // ---- body ----

    private record Block(String heading, int headingLine, int from, int to) {}

    /** A ```descent fence: its first and last line in the body, and its spec. */
    private record Fence(int first, int last, DescentBlock block) {}

    /** A heading's words, parsed with inlines on its own so "# Title *with* `code`" reads "Title with code". */
    private static String headingText(List<String> lines) {
        Node heading = MARKDOWN.parse(String.join("\n", lines)).getFirstChild();
        return heading == null ? "" : textOf(heading).strip();
    }

    private static CardDocument parseBody(String relativePath, FrontMatter front, List<String> body, int offset,
                                          Optional<Boolean> paperPrompts) throws CardFileException {
        Node document = BLOCKS.parse(String.join("\n", body));
        List<Block> blocks = new ArrayList<>();
        List<Fence> fences = new ArrayList<>();
        int preambleEnd = body.size();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            List<SourceSpan> spans = node.getSourceSpans();
            int first = spans.get(0).getLineIndex();
            int last = spans.get(spans.size() - 1).getLineIndex();
            if (node instanceof Heading h && h.getLevel() <= 3) {
                if (blocks.isEmpty()) preambleEnd = first;
                else closeLast(blocks, first);
                blocks.add(new Block(headingText(body.subList(first, last + 1)), first, last + 1, body.size()));
            } else if (node instanceof FencedCodeBlock fence && "descent".equalsIgnoreCase(fence.getInfo().strip())) {
                // +1 for the fence line itself, +1 to make it 1-based.
                Fence found = new Fence(first, last, new DescentBlock(fence.getLiteral(), offset + first + 2));
                if (!fences.isEmpty()) {
                    throw new CardFileException(offset + first + 1, "a card holds one ```descent block; another starts at line "
                            + (fences.get(0).block().line() - 1));
                }
                fences.add(found);
            }
        }

        List<String> preamble = body.subList(0, Math.min(preambleEnd, body.size()));
        Optional<StreakRecord> record = streakRecord(preamble);
        Set<String> tags = new LinkedHashSet<>(frontMatterTags(front));
        tagsFrom(preamble, tags);

        String title = front.text("title");
        String question = null, answer = null;
        int questionLine = -1;
        List<String> keyPoints = new ArrayList<>();
        List<Section> others = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        DescentBlock descent = null;

        boolean titleSeen = false;
        for (Block block : blocks) {
            List<String> content = body.subList(block.from(), block.to());
            Role role = roleOf(block.heading());
            if (role == Role.OTHER && block.heading().toLowerCase(Locale.ROOT).startsWith("tags:")) {
                tagsFrom(List.of(block.heading()), tags);
                continue;
            }
            if (role == Role.OTHER && !titleSeen) {
                titleSeen = true;
                if (title == null || title.isBlank()) title = block.heading();
                List<String> rest = new ArrayList<>();
                for (String line : content) if (!tagsFrom(List.of(line), tags)) rest.add(line);
                if (!String.join("\n", rest).isBlank()) others.add(new Section("Notes", dedent(rest)));
                continue;
            }
            for (Fence fence : fences) {
                if (fence.first() >= block.from() && fence.first() < block.to()) {
                    descent = fence.block();
                    List<String> rest = new ArrayList<>(body.subList(block.from(), fence.first()));
                    rest.addAll(body.subList(Math.min(fence.last() + 1, block.to()), block.to()));
                    content = rest;
                }
            }
            String markdown = dedent(content);
            switch (role) {
                case QUESTION -> {
                    if (question != null) throw new CardFileException(offset + block.headingLine() + 1, "a second question section; a card has one question");
                    question = markdown;
                    questionLine = offset + block.headingLine() + 1;
                }
                case ANSWER -> answer = answer == null ? markdown : answer + "\n\n" + markdown;
                case KEY_POINTS -> keyPoints.addAll(listItems(markdown));
                case PAPERS -> citations.addAll(citations(markdown));
                case OTHER -> others.add(new Section(block.heading(), markdown));
            }
        }

        if (question == null) {
            throw new CardFileException(offset + 1, "no question: add a '# Interview Question' (or '# Question') section");
        }
        if (question.isBlank() && descent == null) {
            throw new CardFileException(questionLine, "the question section at line " + questionLine + " is empty");
        }
        if (title == null || title.isBlank()) title = firstWords(question);

        String slug = slug(relativePath, front);
        Kind kind = descent != null ? Kind.DESCENT : Kind.BASIC;
        return new CardDocument(slug, deck(relativePath, front), title.strip(), List.copyOf(tags), kind, question,
                answer == null ? "" : answer, List.copyOf(keyPoints), List.copyOf(others), List.copyOf(citations), record,
                Optional.ofNullable(descent), date(front), paperPrompts);
    }

    // ---- paper files ----

    private static PaperDocument paperNote(String relativePath, FrontMatter front, List<String> body, Optional<Boolean> paperPrompts)
            throws CardFileException {
        Map<String, Object> fields = YAML.convertValue(front.fields(), new TypeReference<Map<String, Object>>() {});
        // YAML reads "arxiv: 1412.6980" as the number 1412.698; identifiers are text, so numbers are taken as written.
        front.fields().fields().forEachRemaining(field -> {
            if (field.getValue().isNumber()) fields.put(field.getKey(), front.written(field.getKey()));
        });
        try {
            return new PaperDocument(deck(relativePath, front), PaperNote.fromFrontMatter(fields, String.join("\n", body)), paperPrompts);
        } catch (InvalidPaperNote e) {
            // Each problem starts with the key it is about, which is where the learner has to look.
            String key = e.problems().get(0).split(" ", 2)[0];
            throw new CardFileException(front.lineOf(key), "paper file: " + e.getMessage());
        }
    }

    /** A file's choice of paper prompts for its deck; saying nothing leaves it to the learner's setting. */
    private static Optional<Boolean> paperPrompts(FrontMatter front) throws CardFileException {
        JsonNode value = front.fields().get("paper-prompts");
        if (value == null || value.isNull()) return Optional.empty();
        if (value.isBoolean()) return Optional.of(value.booleanValue());
        throw new CardFileException(front.lineOf("paper-prompts"), "front matter 'paper-prompts' is '" + value.asText() + "'; write true or false");
    }

    private static void closeLast(List<Block> blocks, int end) {
        Block last = blocks.remove(blocks.size() - 1);
        blocks.add(new Block(last.heading(), last.headingLine(), last.from(), end));
    }

    private static Role roleOf(String heading) {
        String h = heading.toLowerCase(Locale.ROOT).replaceAll("[:\\s]+$", "").replaceAll("\\s+", " ");
        return switch (h) {
            case "interview question", "question" -> Role.QUESTION;
            case "answer" -> Role.ANSWER;
            case "papers read", "papers" -> Role.PAPERS;
            case "key points" -> Role.KEY_POINTS;
            default -> Role.OTHER;
        };
    }

    private static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) out.append(t.getLiteral());
            else if (child instanceof Code c) out.append(c.getLiteral());
            else out.append(textOf(child));
        }
        return out.toString();
    }

    // ---- the pieces a card carries ----

    private static Optional<StreakRecord> streakRecord(List<String> preamble) {
        Integer current = null, best = null, total = null;
        for (String line : preamble) {
            Matcher m = RECORD_LINE.matcher(line);
            if (!m.matches()) continue;
            int value = Integer.parseInt(m.group(2));
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (name.startsWith("current")) current = value;
            else if (name.contains("best")) best = value;
            else total = value;
        }
        if (current == null && best == null && total == null) return Optional.empty();
        int c = current == null ? 0 : current;
        // A record is internally consistent by definition: the best run holds the current one, the total holds the best.
        int b = Math.max(best == null ? c : best, c);
        int t = Math.max(total == null ? b : total, b);
        return Optional.of(new StreakRecord(c, b, t));
    }

    /** Adds the tags of a "#Tags: #A #B" line; says whether the line was one. */
    private static boolean tagsFrom(List<String> lines, Set<String> tags) {
        boolean any = false;
        for (String line : lines) {
            Matcher m = TAGS_LINE.matcher(line);
            if (!m.matches()) continue;
            any = true;
            Matcher tag = TAG.matcher(m.group(1));
            while (tag.find()) tags.add(tag.group(1));
        }
        return any;
    }

    private static List<String> frontMatterTags(FrontMatter front) throws CardFileException {
        JsonNode node = front.fields().get("tags");
        List<String> tags = new ArrayList<>();
        if (node == null || node.isNull()) return tags;
        if (node.isArray()) node.forEach(t -> tags.add(t.asText().replaceFirst("^#", "").strip()));
        else for (String t : node.asText().split("[,\\s]+")) if (!t.isBlank()) tags.add(t.replaceFirst("^#", ""));
        tags.removeIf(String::isBlank);
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new CardFileException(front.lineOf("tags"), "front matter tag '" + tag + "' is not a tag: use letters, digits, '_', '-' and '/'");
            }
        }
        return tags;
    }

    private static List<String> listItems(String markdown) {
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

    private static List<Citation> citations(String markdown) {
        List<Citation> out = new ArrayList<>();
        List<String> lines = List.of(markdown.split("\n", -1));
        Node doc = MARKDOWN.parse(markdown);
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof ListBlock list)) continue;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                Node lead = item.getFirstChild();
                if (lead == null) continue;
                Link link = firstLink(lead);
                String title = link != null ? textOf(link).strip() : textOf(lead).strip();
                String url = link != null ? safeUrl(link.getDestination()) : null;
                List<String> summary = new ArrayList<>();
                // A trailing " - summary" on the title line counts too, as people often write it that way.
                String leadText = textOf(lead).strip();
                if (link != null && leadText.length() > title.length()) {
                    String tail = leadText.substring(leadText.indexOf(title) + title.length()).replaceFirst("^[\\s:\\-\u2013\u2014]+", "");
                    if (!tail.isBlank()) summary.add(tail.strip());
                }
                for (Node rest = lead.getNext(); rest != null; rest = rest.getNext()) {
                    if (rest instanceof ListBlock nested) {
                        for (Node sub = nested.getFirstChild(); sub != null; sub = sub.getNext()) summary.add(itemText(sub, lines));
                    } else {
                        summary.add(sourceOf(rest, lines));
                    }
                }
                if (!title.isBlank()) out.add(new Citation(title, url, String.join("\n", summary).strip()));
            }
        }
        return out;
    }

    /** Only web and mail links are kept: a javascript: or data: URL in a citation must never become a link. */
    static String safeUrl(String url) {
        if (url == null) return null;
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") ? url.strip() : null;
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

    private static String dedent(List<String> lines) {
        int from = 0, to = lines.size();
        while (from < to && lines.get(from).isBlank()) from++;
        while (to > from && lines.get(to - 1).isBlank()) to--;
        return String.join("\n", lines.subList(from, to));
    }

    private static String firstWords(String markdown) {
        String plain = markdown.replaceAll("[#*_`>\\[\\]]", "").strip();
        int cut = plain.indexOf('\n');
        if (cut > 0) plain = plain.substring(0, cut);
        return plain.length() > 80 ? plain.substring(0, 77) + "..." : plain;
    }

    // ---- identity ----

    private static String slug(String relativePath, FrontMatter front) throws CardFileException {
        String id = front.text("id");
        if (id != null && !id.isBlank()) {
            id = id.strip();
            if (!SAFE_ID.matcher(id).matches() || id.contains("..") || id.length() > 200) {
                throw new CardFileException(front.lineOf("id"), "front matter id '" + id + "' may use letters, digits, '.', '_', '-' and '/' between names");
            }
            return id;
        }
        return withoutExtension(relativePath.replace('\\', '/'));
    }

    static String withoutExtension(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".md") ? path.substring(0, path.length() - 3) : path;
    }

    private static String deck(String relativePath, FrontMatter front) {
        String written = front.text("deck");
        return written != null && !written.isBlank() ? written.strip() : deckOf(relativePath);
    }

    private static String deckOf(String relativePath) {
        String path = relativePath.replace('\\', '/');
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : DEFAULT_DECK;
    }

    private static Optional<LocalDate> date(FrontMatter front) throws CardFileException {
        String raw = front.text("date");
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(raw.strip().length() > 10 ? raw.strip().substring(0, 10) : raw.strip()));
        } catch (DateTimeParseException e) {
            throw new CardFileException(front.lineOf("date"), "front matter date '" + raw + "' is not a date like 2026-11-21");
        }
    }
}
