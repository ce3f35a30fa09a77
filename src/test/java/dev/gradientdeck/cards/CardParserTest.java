package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.cards.CardDocument.Citation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardParserTest {
    /** The seed note's shape, in our own words. */
    static final String SHAPED_LIKE_THE_SEED = """
            Current Streak: 4
            All Time Best Streak: 9
            All Time Total: 30

            # Learning Rates
            #Tags: #Optimization #Interview

            # Interview Question
            Why does the learning rate matter so much?

            # Answer
            It sets the size of every step.

            Too large and the loss bounces or explodes; too small and training crawls.

            # Papers read
            - [Cyclical Learning Rates for Training Neural Networks](https://arxiv.org/abs/1506.01186)
                - Shows that letting the rate cycle between bounds trains as well with less tuning.

            - [SGDR: Stochastic Gradient Descent with Warm Restarts](https://arxiv.org/pdf/1608.03983.pdf)
                - Cosine annealing with restarts.
            """;

    static CardDocument parse(String path, String text) throws CardFileException {
        return (CardDocument) CardParser.parse(path, text.getBytes(StandardCharsets.UTF_8));
    }

    static CardFileException broken(String path, byte[] bytes) {
        return assertThrows(CardFileException.class, () -> CardParser.parse(path, bytes));
    }

    static CardFileException broken(String text) {
        return broken("deck/bad.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryPartOfTheSeedShape() throws Exception {
        CardDocument card = parse("ml/learning-rates.md", SHAPED_LIKE_THE_SEED);
        assertEquals("ml/learning-rates", card.slug());
        assertEquals("ml", card.deck());
        assertEquals("Learning Rates", card.title());
        assertEquals(List.of("Optimization", "Interview"), card.tags());
        assertEquals("Why does the learning rate matter so much?", card.question());
        assertEquals(
                "It sets the size of every step.\n\nToo large and the loss bounces or explodes; too small and training crawls.",
                card.answer());
        assertEquals(
                List.of(
                        new Citation(
                                "Cyclical Learning Rates for Training Neural Networks",
                                "https://arxiv.org/abs/1506.01186",
                                "Shows that letting the rate cycle between bounds trains as well with less tuning."),
                        new Citation(
                                "SGDR: Stochastic Gradient Descent with Warm Restarts",
                                "https://arxiv.org/pdf/1608.03983.pdf",
                                "Cosine annealing with restarts.")),
                card.citations());
        assertEquals(
                new CardDocument.StreakRecord(4, 9, 30), card.streakRecord().orElseThrow());
        assertEquals(CardDocument.Kind.BASIC, card.kind());
        assertTrue(card.descent().isEmpty());
    }

    @Test
    void theSeedFileImportsExactly() throws Exception {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/seeds/000-gradient-descent.md")) {
            seed = in.readAllBytes();
        }
        CardDocument card = (CardDocument) CardParser.parse("interview/seed.md", seed);
        assertEquals("Gradient Descent", card.title());
        assertEquals(List.of("GradientDescent", "Interview"), card.tags());
        assertEquals(
                "What is a good answer to the question: Explain the concept of gradient descent and its role in optimizing ML models?",
                card.question());
        String[] paragraphs = card.answer().split("\n\n");
        assertEquals(3, paragraphs.length);
        assertTrue(paragraphs[0].startsWith(
                "Gradient descent is the process of incrementally steping toward an optimal solution"));
        assertTrue(paragraphs[1].startsWith("For example, consider fitting a line to a scatter plot."));
        assertTrue(paragraphs[2].endsWith("A point where we can no longer minimize our error."));
        assertEquals(2, card.citations().size());
        Citation first = card.citations().get(0);
        assertEquals("Decomposing Language Models Into Understandable Components", first.title());
        assertEquals(
                "https://www.anthropic.com/index/decomposing-language-models-into-understandable-components?utm_source=substack&utm_medium=email",
                first.url());
        assertTrue(first.summary().startsWith("Summary of Anthropic's work looking into LLM interpretability"));
        Citation second = card.citations().get(1);
        assertEquals("Mini-GPTs: Efficient Large Language Models throughContextual Pruning", second.title());
        assertEquals("https://arxiv.org/pdf/2306.11644.pdf", second.url());
        assertTrue(second.summary().endsWith("Found some improvement in model size with relatively same performance."));
        assertEquals(
                new CardDocument.StreakRecord(2, 11, 17), card.streakRecord().orElseThrow());
    }

    @Test
    void windowsLineEndingsAndBomGiveTheSameCard() throws Exception {
        CardDocument unix = parse("a.md", SHAPED_LIKE_THE_SEED);
        byte[] body = SHAPED_LIKE_THE_SEED.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(unix, CardParser.parse("a.md", withBom));
    }

    @Test
    void sectionsAtLevelsOneToThreeAreMatchedWithoutCase() throws Exception {
        CardDocument card = parse("a.md", """
                ## Title At Two
                ### question
                What is a saddle point?
                ## ANSWER
                A point where the gradient vanishes but which is neither a minimum nor a maximum.
                """);
        assertEquals("Title At Two", card.title());
        assertEquals("What is a saddle point?", card.question());
        assertTrue(card.answer().startsWith("A point where"));
    }

    @Test
    void frontMatterSetsIdTitleTagsDeckAndDate() throws Exception {
        CardDocument card = parse("loose/file.md", """
                ---
                id: ml/adam
                title: Adam, explained
                tags: [Optimizers, Adam]
                deck: Optimizers
                date: 2026-11-20
                ---
                # Some heading
                #Tags: #Interview
                # Question
                What does Adam keep per parameter?
                """);
        assertEquals("ml/adam", card.slug());
        assertEquals("Adam, explained", card.title());
        assertEquals(List.of("Optimizers", "Adam", "Interview"), card.tags());
        assertEquals("Optimizers", card.deck());
        assertEquals(LocalDate.of(2026, 11, 20), card.date().orElseThrow());
    }

    @Test
    void otherSectionsAreKeptInOrderAndKeyPointsAreListed() throws Exception {
        CardDocument card = parse("a.md", """
                # Momentum
                # Question
                Why does momentum help?
                # Answer
                It averages gradients.
                # Intuition
                A ball rolling downhill.
                # Key points
                - velocity accumulates past gradients
                - damps oscillation across a ravine
                # Pitfalls
                Too much momentum overshoots.
                """);
        assertEquals(
                List.of("Intuition", "Pitfalls"),
                card.otherSections().stream().map(CardDocument.Section::heading).toList());
        assertEquals("A ball rolling downhill.", card.otherSections().get(0).markdown());
        assertEquals(
                List.of("velocity accumulates past gradients", "damps oscillation across a ravine"), card.keyPoints());
    }

    @Test
    void mathIsKeptIntactForKatex() throws Exception {
        CardDocument card = parse("a.md", """
                # Update rule
                # Question
                Write $w_{t+1} = w_t - \\eta \\nabla L(w_t)$ in words.
                # Answer
                $$
                \\theta \\leftarrow \\theta - \\eta \\, g_t
                $$
                """);
        assertTrue(card.question().contains("$w_{t+1} = w_t - \\eta \\nabla L(w_t)$"));
        assertTrue(card.answer().contains("\\theta \\leftarrow \\theta - \\eta \\, g_t"));
    }

    @Test
    void aDescentBlockIsKeptRawWithItsLineAndMakesADescentCard() throws Exception {
        CardDocument card = parse("a.md", """
                # Fit a line
                # Question
                Predict the first step.

                ```descent
                problem: line-fit
                loss: mse
                ```
                # Answer
                The gradient is (-26.4, -8).
                """);
        assertEquals(CardDocument.Kind.DESCENT, card.kind());
        assertEquals(
                "problem: line-fit\nloss: mse\n", card.descent().orElseThrow().yaml());
        assertEquals(6, card.descent().orElseThrow().line());
        assertEquals("Predict the first step.", card.question());
    }

    @Test
    void aHeadingInsideACodeFenceIsNotASection() throws Exception {
        CardDocument card = parse("a.md", """
                # Shell
                # Question
                What does this print?
                ```
                # Answer
                echo hi
                ```
                # Answer
                hi
                """);
        assertTrue(card.question().contains("# Answer\necho hi"));
        assertEquals("hi", card.answer());
    }

    @Test
    void withoutAFrontMatterIdThePathIsTheIdentity() throws Exception {
        assertEquals("top", parse("top.md", SHAPED_LIKE_THE_SEED).slug());
        assertEquals(
                FrontMatter.DEFAULT_DECK, parse("top.md", SHAPED_LIKE_THE_SEED).deck());
        assertEquals("a/b/c", parse("a/b/c.md", SHAPED_LIKE_THE_SEED).slug());
        assertEquals("a/b", parse("a/b/c.md", SHAPED_LIKE_THE_SEED).deck());
    }

    // ---- broken files: each names the line and the reason ----

    @Test
    void anEmptyFileIsBroken() {
        CardFileException e = broken("a.md", new byte[0]);
        assertEquals(1, e.line());
        assertEquals("file is empty", e.getMessage());
        assertEquals("file is empty", broken("  \n\n \n").getMessage());
    }

    @Test
    void aBinaryFileIsBroken() {
        CardFileException e = broken("a.md", new byte[] {'#', ' ', 'x', '\n', 'y', 0, 1, 2});
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("binary file"), e.getMessage());
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() {
        byte[] latin1 = "# Caf\u00e9\n# Question\nna\u00efve?\n".getBytes(StandardCharsets.ISO_8859_1);
        CardFileException e = broken("a.md", latin1);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void unclosedFrontMatterIsBroken() {
        CardFileException e = broken("---\nid: x\n# Question\nWhy?\n");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("never closed"));
    }

    @Test
    void invalidFrontMatterYamlNamesItsLine() {
        CardFileException e = broken("---\nid: x\ntags: [a, b\n---\n# Question\nWhy?\n");
        assertTrue(e.getMessage().startsWith("front matter is not valid YAML"), e.getMessage());
        assertTrue(e.line() >= 2 && e.line() <= 4, "line " + e.line());
    }

    @Test
    void aCardWithoutAQuestionIsBroken() {
        CardFileException e = broken("# Title\n# Answer\nOnly an answer.\n");
        assertTrue(e.getMessage().startsWith("no question"), e.getMessage());
    }

    @Test
    void anEmptyQuestionNamesItsLine() {
        CardFileException e = broken("# Title\n\n# Question\n\n# Answer\nx\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("empty"));
    }

    @Test
    void aFileOverOneMegabyteIsBroken() {
        byte[] big = new byte[CardText.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        CardFileException e = broken("a.md", big);
        assertTrue(e.getMessage().contains("at most 1 MB"), e.getMessage());
    }

    @Test
    void anUnsafeIdIsRefused() {
        CardFileException e = broken("---\nid: ../../etc/passwd\n---\n# Question\nWhy?\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("front matter id"));
    }

    @Test
    void twoDescentBlocksAreRefused() {
        CardFileException e = broken("# T\n# Question\n```descent\na: 1\n```\n```descent\nb: 2\n```\n");
        assertTrue(e.getMessage().contains("one ```descent block"), e.getMessage());
    }

    @Test
    void parsingIsDeterministic() throws Exception {
        byte[] bytes = SHAPED_LIKE_THE_SEED.getBytes(StandardCharsets.UTF_8);
        assertEquals(CardParser.parse("x.md", bytes), CardParser.parse("x.md", bytes));
        assertArrayEquals(bytes, SHAPED_LIKE_THE_SEED.getBytes(StandardCharsets.UTF_8));
        assertFalse(parse("x.md", SHAPED_LIKE_THE_SEED).citations().isEmpty());
    }

    static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
