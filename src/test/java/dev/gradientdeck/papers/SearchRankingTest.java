package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner searching "adam" expects the card called Adam first, however often other cards mention it. */
class SearchRankingTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        for (int i = 1; i <= 15; i++) {
            // Short cards that say "Adam" again and again: bm25 loves them.
            Files.writeString(
                    deck.resolve("mention-" + i + ".md"),
                    "# Optimizer note " + i + "\n# Question\nHow does Adam compare here? Adam, Adam and Adam again.\n"
                            + "# Answer\nAdam with $\\beta_1 = 0.9$ and Adam's bias correction.\n");
        }
        // A shorter title that only begins with the word: a whole-word title match still comes first.
        Files.writeString(
                deck.resolve("adamw.md"), "# AdamW\n# Question\nWhat does AdamW decouple?\n# Answer\nWeight decay.\n");
        // The card about Adam: a long answer that names it once.
        Files.writeString(
                deck.resolve("the-adam-optimizer.md"),
                "# The Adam Optimizer\n# Question\nWhat does the optimizer keep per parameter?\n"
                        + "# Answer\n"
                        + "It keeps moving averages of the gradient and its square, corrected for their start at zero. "
                                .repeat(12)
                        + "The update is $\\theta_t \\leftarrow \\theta_{t-1} - \\eta \\hat{m}_t / (\\sqrt{\\hat{v}_t} + \\epsilon)$.\n");
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aTitleMatchRanksAboveFifteenBodyMatches() throws Exception {
        JsonNode hits = JSON.readTree(app.get("/api/search?q=adam").body());
        assertEquals(17, hits.size());
        assertEquals("The Adam Optimizer", hits.get(0).get("title").asText(), hits.toString());
        assertEquals("AdamW", hits.get(1).get("title").asText(), "a title the last word begins comes next");
        assertEquals("optimizers", hits.get(0).get("deck").asText(), "a card hit names its deck");
        String page = app.get("/search?q=adam").body();
        assertTrue(page.indexOf("The Adam Optimizer") < page.indexOf("Optimizer note"), "the page lists it first too");
        assertTrue(page.contains("href=\"/cards?deck=optimizers\""), "and shows its deck");
    }

    @Test
    void snippetsShowMathAsTextNotLatex() throws Exception {
        JsonNode hits = JSON.readTree(app.get("/api/search?q=update").body());
        assertEquals(1, hits.size());
        String snippet = hits.get(0).get("snippet").asText();
        assertFalse(snippet.contains("\\"), snippet);
        assertFalse(snippet.contains("$"), snippet);
        assertTrue(snippet.contains("θₜ ← θₜ₋₁ − η m̂ₜ"), snippet);

        String mention = JSON.readTree(app.get("/api/search?q=bias").body())
                .get(0)
                .get("snippet")
                .asText();
        assertTrue(mention.contains("β₁ = 0.9"), mention);
    }
}
