package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gradientdeck.RunningApp;
import dev.gradientdeck.cards.CardFileException;
import dev.gradientdeck.cards.CardParser;
import dev.gradientdeck.web.Markdown;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz run: random bytes and mutated card files at the parser and renderer, random JSON at the API. The parser may
 * only ever refuse with a CardFileException; the API may only ever answer below 500. The seed is fixed so a failure replays.
 */
class FuzzTest {
    static final long SEED = 20261121L;
    static final int PARSER_INPUTS = 3000;
    static final int API_INPUTS = 600;

    static final String CARD = """
            ---
            id: fuzz/card
            tags: [a, b]
            date: 2026-11-20
            ---
            Current Streak: 2
            All Time Best Streak: 11

            # Title *with* `code`
            #Tags: #X #Y

            # Interview Question
            What is $\\nabla L$? See [link](https://example.org).

            ```descent
            problem: quadratic
            ```

            # Answer
            | a | b |
            |---|---|
            | 1 | 2 |

            $$x^2$$

            # Key points
            - one
              - nested

            # Papers read
            - [Paper](https://arxiv.org/abs/1412.6980)
                - summary
            """;

    static final String[] PIECES = {
        "---",
        "\n",
        "# ",
        "## ",
        "```",
        "```descent\n",
        "$",
        "$$",
        "`",
        "[",
        "](",
        ")",
        "<",
        ">",
        "&",
        "\\",
        "\r\n",
        "\uFEFF",
        "- ",
        "    - ",
        "#Tags:",
        "Current Streak: ",
        "id: ",
        "title: [",
        "\u0000",
        "\uFFFF",
        "\uD800",
        "|---|",
        "> ",
        "*",
        "_",
        "<script>",
        "javascript:",
        "Question",
        "Answer",
        "Papers read",
        "Key points"
    };

    static byte[] mutate(SplittableRandom random, String base) {
        StringBuilder text = new StringBuilder(base);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + random.nextInt(40)));
                case 2 -> text.insert(at, text.substring(random.nextInt(text.length())));
                default -> text.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0 && bytes.length > 0)
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        return bytes;
    }

    @Test
    void theParserOnlyEverRefusesWithAReason() {
        SplittableRandom random = new SplittableRandom(SEED);
        int parsed = 0, refused = 0;
        for (int i = 0; i < PARSER_INPUTS; i++) {
            byte[] input;
            if (i % 3 == 0) {
                input = new byte[random.nextInt(2000)];
                for (int j = 0; j < input.length; j++) input[j] = (byte) random.nextInt(256);
            } else {
                input = mutate(random, CARD);
            }
            try {
                if (CardParser.parse("fuzz/" + i + ".md", input) instanceof dev.gradientdeck.cards.CardDocument card) {
                    Markdown.toSafeHtml(card.question());
                    Markdown.toSafeHtml(card.answer());
                }
                parsed++;
            } catch (CardFileException e) {
                assertTrue(
                        e.line() >= 1 && !e.getMessage().isBlank(), "refusal without a line or reason for input " + i);
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("input " + i + " (seed " + SEED + ") escaped the parser with " + e, e);
            }
        }
        assertTrue(parsed > 100 && refused > 100, "parsed " + parsed + ", refused " + refused);
    }

    static String randomJson(SplittableRandom random, int depth) {
        return switch (depth > 3 ? random.nextInt(6) : random.nextInt(9)) {
            case 0 -> String.valueOf(random.nextInt(-5, 10));
            case 1 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(-5, 400)));
            case 2 ->
                "\""
                        + PIECES[random.nextInt(PIECES.length)]
                                .replace("\\", "\\\\")
                                .replace("\"", "\\\"")
                                .replace("\n", "\\n")
                                .replace("\r", "\\r")
                                .replace("\u0000", "\\u0000")
                        + "\"";
            case 3 -> random.nextBoolean() ? "true" : "null";
            case 4 -> "\"2026-11-" + random.nextInt(1, 40) + "T10:00:00Z\"";
            case 5 ->
                new String[] {"NaN", "Infinity", "-0", "1e999", "{", "]", "\"unterminated", ""}[random.nextInt(8)];
            case 6 -> "[" + randomJson(random, depth + 1) + "," + randomJson(random, depth + 1) + "]";
            default -> {
                String[] keys = {
                    "rating", "reviewedAt", "requestId", "durationMs", "problem", "optimizer", "steps", "start", "x"
                };
                StringBuilder object = new StringBuilder("{");
                int fields = random.nextInt(4);
                for (int f = 0; f < fields; f++) {
                    if (f > 0) object.append(',');
                    object.append('"')
                            .append(keys[random.nextInt(keys.length)])
                            .append("\":")
                            .append(randomJson(random, depth + 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    @Test
    void theApiNeverAnswers500(@TempDir Path dir) throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            app.write("a.md", "# A\n# Question\nWhy?\n");
            app.send("POST", "/api/import", null);
            SplittableRandom random = new SplittableRandom(SEED);
            List<String> targets = List.of(
                    "/api/cards/1/reviews",
                    "/api/cards/2/reviews",
                    "/api/cards/x/reviews",
                    "/api/import",
                    "/api/descent/run",
                    "/api/practice/attempts");
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < API_INPUTS; i++) {
                String target = targets.get(random.nextInt(targets.size()));
                String body = randomJson(random, 0);
                HttpResponse<String> response = app.send("POST", target, body);
                if (response.statusCode() >= 500) failures.add(target + " " + body + " -> " + response.statusCode());
            }
            assertTrue(
                    failures.isEmpty(),
                    failures.size() + " answers of 500 or more, e.g. "
                            + failures.stream().limit(3).toList());
        }
    }
}
