package dev.gradientdeck.cards;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gradientdeck.cards.CardDocument.Citation;
import dev.gradientdeck.cards.CardDocument.DescentBlock;
import dev.gradientdeck.cards.CardDocument.Kind;
import dev.gradientdeck.cards.CardDocument.Section;
import dev.gradientdeck.cards.CardDocument.StreakRecord;
import dev.gradientdeck.papers.InvalidPaperNote;
import dev.gradientdeck.papers.PaperNote;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads one card file (DESIGN section 4) into a {@link CardDocument}, or a paper file (front matter {@code kind: paper})
 * into a {@link PaperDocument}. Pure: bytes and a relative path in, a document or a
 * {@link CardFileException} with the line and the reason out.
 *
 * <p>Sections are found on commonmark's block tree (so a "#" inside a code fence is never a heading) and cut from the
 * source by line, which keeps every line number true to the file.
 */
public final class CardParser {
    /**
     * The block structure alone, for cutting a file into sections: inline parsing is most of commonmark's work and the
     * section split never needs it (heading text is parsed on its own line).
     */
    private static final Parser BLOCKS = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> {})
            .build();

    private static final Pattern TAGS_LINE = Pattern.compile("(?i)^\\s*#?\\s*tags\\s*:(.*)$");
    private static final Pattern RECORD_LINE = Pattern.compile(
            "(?i)^\\s*[*_]*\\s*(current streak|all[- ]time best streak|best streak|all[- ]time total)\\s*[*_]*\\s*:\\s*[*_]*\\s*(\\d{1,6})\\s*[*_]*\\s*$");

    private enum Role {
        QUESTION,
        ANSWER,
        PAPERS,
        KEY_POINTS,
        OTHER
    }

    private CardParser() {}

    public static DeckFile parse(String relativePath, byte[] bytes) throws CardFileException {
        String text = CardText.decode(bytes);
        List<String> lines = List.of(text.split("\n", -1));
        FrontMatter front = FrontMatter.read(lines);
        List<String> body = lines.subList(front.bodyStart(), lines.size());
        Optional<Boolean> paperPrompts = front.paperPrompts();
        if ("paper".equalsIgnoreCase(front.text("kind"))) return paperNote(relativePath, front, body, paperPrompts);
        return parseBody(relativePath, front, body, front.bodyStart(), paperPrompts);
    }

    // ---- body ----

    private record Block(String heading, int headingLine, int from, int to) {}

    /** A ```descent fence: its first and last line in the body, and its spec. */
    private record Fence(int first, int last, DescentBlock block) {}

    /** A heading's words, parsed with inlines on its own so "# Title *with* `code`" reads "Title with code". */
    private static String headingText(List<String> lines) {
        Node heading = SectionContent.MARKDOWN.parse(String.join("\n", lines)).getFirstChild();
        return heading == null ? "" : SectionContent.textOf(heading).strip();
    }

    private static CardDocument parseBody(
            String relativePath, FrontMatter front, List<String> body, int offset, Optional<Boolean> paperPrompts)
            throws CardFileException {
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
            } else if (node instanceof FencedCodeBlock fence
                    && "descent".equalsIgnoreCase(fence.getInfo().strip())) {
                // +1 for the fence line itself, +1 to make it 1-based.
                Fence found = new Fence(first, last, new DescentBlock(fence.getLiteral(), offset + first + 2));
                if (!fences.isEmpty()) {
                    throw new CardFileException(
                            offset + first + 1,
                            "a card holds one ```descent block; another starts at line "
                                    + (fences.get(0).block().line() - 1));
                }
                fences.add(found);
            }
        }

        List<String> preamble = body.subList(0, Math.min(preambleEnd, body.size()));
        Optional<StreakRecord> record = streakRecord(preamble);
        Set<String> tags = new LinkedHashSet<>(front.tags());
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
                    if (question != null)
                        throw new CardFileException(
                                offset + block.headingLine() + 1, "a second question section; a card has one question");
                    question = markdown;
                    questionLine = offset + block.headingLine() + 1;
                }
                case ANSWER -> answer = answer == null ? markdown : answer + "\n\n" + markdown;
                case KEY_POINTS -> keyPoints.addAll(SectionContent.listItems(markdown));
                case PAPERS -> citations.addAll(SectionContent.citations(markdown));
                case OTHER -> others.add(new Section(block.heading(), markdown));
            }
        }

        if (question == null) {
            throw new CardFileException(
                    offset + 1, "no question: add a '# Interview Question' (or '# Question') section");
        }
        if (question.isBlank() && descent == null) {
            throw new CardFileException(questionLine, "the question section at line " + questionLine + " is empty");
        }
        if (title == null || title.isBlank()) title = firstWords(question);

        String slug = front.slug(relativePath);
        Kind kind = descent != null ? Kind.DESCENT : Kind.BASIC;
        return new CardDocument(
                slug,
                front.deck(relativePath),
                title.strip(),
                List.copyOf(tags),
                kind,
                question,
                answer == null ? "" : answer,
                List.copyOf(keyPoints),
                List.copyOf(others),
                List.copyOf(citations),
                record,
                Optional.ofNullable(descent),
                front.date(),
                paperPrompts);
    }

    // ---- paper files ----

    private static PaperDocument paperNote(
            String relativePath, FrontMatter front, List<String> body, Optional<Boolean> paperPrompts)
            throws CardFileException {
        Map<String, Object> fields =
                FrontMatter.YAML.convertValue(front.fields(), new TypeReference<Map<String, Object>>() {});
        // YAML reads "arxiv: 1412.6980" as the number 1412.698; identifiers are text, so numbers are taken as written.
        front.fields().fields().forEachRemaining(field -> {
            if (field.getValue().isNumber()) fields.put(field.getKey(), front.written(field.getKey()));
        });
        try {
            return new PaperDocument(
                    front.deck(relativePath), PaperNote.fromFrontMatter(fields, String.join("\n", body)), paperPrompts);
        } catch (InvalidPaperNote e) {
            // Each problem starts with the key it is about, which is where the learner has to look.
            String key = e.problems().get(0).split(" ", 2)[0];
            throw new CardFileException(front.lineOf(key), "paper file: " + e.getMessage());
        }
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
        // A record is internally consistent by definition: the best run holds the current one, the total holds the
        // best.
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
            Matcher tag = FrontMatter.TAG.matcher(m.group(1));
            while (tag.find()) tags.add(tag.group(1));
        }
        return any;
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
}
