package dev.gradientdeck.practice.coverage;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The checklist for practice mode and how much of it a spoken answer covered.
 *
 * <p>Matching is by meaning ({@link MeaningMatch}): stop words left out, forms of a word and ML
 * synonyms count, the words must be said near each other. A point is covered when at least {@link
 * #COVERED_SHARE} of its ideas were said: speech recognition drops and mishears words, so requiring
 * every word would rarely give credit.
 */
public final class KeyPoints {

    static final double COVERED_SHARE = 0.6;

    /** Math is typeset, not spoken: its letters would be terms nobody can say. */
    private static final Pattern MATH = Pattern.compile("\\$\\$.*?\\$\\$|\\$[^$]*\\$", Pattern.DOTALL);

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9']+");

    /**
     * Common English function words, written as the tokenizer leaves them (apostrophes removed).
     */
    private static final Set<String> STOP_WORDS = Set.of(
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "cannot",
            "cant",
            "could",
            "did",
            "didnt",
            "do",
            "does",
            "doesnt",
            "doing",
            "dont",
            "down",
            "during",
            "each",
            "either",
            "etc",
            "few",
            "for",
            "from",
            "further",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "however",
            "i",
            "if",
            "im",
            "in",
            "into",
            "is",
            "isnt",
            "it",
            "its",
            "itself",
            "ive",
            "just",
            "let",
            "lets",
            "may",
            "me",
            "might",
            "more",
            "most",
            "much",
            "must",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "one",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "same",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "thats",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "theres",
            "these",
            "they",
            "this",
            "those",
            "through",
            "thus",
            "to",
            "too",
            "under",
            "until",
            "up",
            "us",
            "very",
            "via",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "whether",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "within",
            "without",
            "would",
            "you",
            "your",
            "yours",
            "yourself",
            "yourselves",
            "eg",
            "ie",
            "vs");

    private KeyPoints() {}

    /**
     * The card's own "Key points" list when it has one; else the answer's list items; else the
     * answer's sentences. Items and sentences with no content word (a bare formula, say) are left
     * out: nothing spoken could cover them.
     */
    public static List<KeyPoint> fromAnswer(String keyPointsMarkdownOrNull, String answerMarkdown) {
        List<String> texts = keyPointsMarkdownOrNull == null ? List.of() : listItems(keyPointsMarkdownOrNull);
        if (texts.isEmpty()) {
            texts = listItems(answerMarkdown);
        }
        if (texts.isEmpty()) {
            texts = sentences(answerMarkdown);
        }
        return fromTexts(texts);
    }

    /**
     * Points from texts already split out, such as a card's stored "Key points" items; texts with
     * no content word are left out.
     */
    public static List<KeyPoint> fromTexts(List<String> texts) {
        List<KeyPoint> points = new ArrayList<>();
        for (String text : texts) {
            List<String> terms = contentTerms(text);
            if (!terms.isEmpty()) {
                points.add(new KeyPoint(text, terms));
            }
        }
        return points;
    }

    public static List<PointCoverage> coverage(List<KeyPoint> points, String transcript) {
        List<String> said = words(transcript);
        return points.stream().map(point -> MeaningMatch.cover(point, said)).toList();
    }

    /** The distinct content words of a text, one per stem, in order of first appearance. */
    static List<String> contentTerms(String text) {
        Map<String, String> byStem = new LinkedHashMap<>();
        for (String word : words(MATH.matcher(text).replaceAll(" "))) {
            if (isContentWord(word)) {
                byStem.putIfAbsent(PorterStemmer.stem(word), word);
            }
        }
        return List.copyOf(byStem.values());
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    /**
     * Numbers and single letters are left out too: they are spoken as "zero point nine" or "w", or
     * not at all.
     */
    private static boolean isContentWord(String word) {
        return word.length() > 1 && !STOP_WORDS.contains(word) && word.chars().noneMatch(Character::isDigit);
    }

    /**
     * Lower-case words; a possessive 's is dropped and other apostrophes removed ("don't" ->
     * "dont").
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''))) {
            String word = token.replaceAll("'s$", "").replace("'", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Each list item's own text; a nested item is a point of its own, not part of its parent. */
    static List<String> listItems(String markdown) {
        List<String> items = new ArrayList<>();
        parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(ListItem item) {
                StringBuilder text = new StringBuilder();
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    if (!(child instanceof ListBlock)) {
                        appendText(child, text);
                        text.append(' ');
                    }
                }
                addIfNotBlank(items, text.toString());
                visitChildren(item);
            }
        });
        return items;
    }

    /**
     * Sentences of the prose paragraphs; headings and code blocks are not sentences of the answer.
     */
    static List<String> sentences(String markdown) {
        List<String> sentences = new ArrayList<>();
        parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                StringBuilder text = new StringBuilder();
                appendText(paragraph, text);
                splitSentences(text.toString()).forEach(sentence -> addIfNotBlank(sentences, sentence));
            }
        });
        return sentences;
    }

    private static List<String> splitSentences(String text) {
        BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        boundaries.setText(text);
        List<String> sentences = new ArrayList<>();
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            sentences.add(text.substring(start, end));
        }
        return sentences;
    }

    private static void appendText(Node node, StringBuilder out) {
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                out.append(' ');
            }
        });
    }

    private static void addIfNotBlank(List<String> texts, String text) {
        String tidy = text.strip().replaceAll("\\s+", " ");
        if (!tidy.isEmpty()) {
            texts.add(tidy);
        }
    }

    private static Node parse(String markdown) {
        return Parser.builder().build().parse(markdown == null ? "" : markdown);
    }
}
