package dev.gradientdeck.descent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A descent card in the review loop: never served twice in a row by learn-ahead, and skippable for now. */
class DescentReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCENT =
            "# Quadratic step\n# Question\nPredict one step.\n\n```descent\nproblem: quadratic\nconstants: {a: 1, c: 3}\n"
                    + "start: {w: 0}\noptimizer: {name: sgd, lr: 0.1}\nsteps: 3\npredict: {steps: 1, ask: [params]}\n```\n\n# Answer\n0.6\n";
    private static final String PLAIN = "# Plain card\n# Question\nWhat is a gradient?\n\n# Answer\nThe slopes.\n";

    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long id(String title) throws Exception {
        for (JsonNode card : JSON.readTree(app.get("/api/cards").body())) {
            if (card.get("title").asText().equals(title)) {
                return card.get("id").asLong();
            }
        }
        throw new AssertionError("no card " + title);
    }

    @Test
    void learnAheadDoesNotServeTheDescentCardJustWorked() throws Exception {
        app.write("gd/a-descent.md", DESCENT);
        app.send("POST", "/api/import", null);
        long card = id("Quadratic step");
        assertTrue(app.get("/review").body().contains("/cards/" + card + "/descent?from=review"));
        assertEquals(
                201,
                app.send("POST", "/api/cards/" + card + "/reviews", "{\"rating\": 1}")
                        .statusCode());
        String after = app.get("/review").body();
        assertFalse(
                after.contains("/cards/" + card + "/descent?from=review"),
                "its learning step is within the learn-ahead window, but it was just worked");
    }

    @Test
    void aDescentCardCanBeSkippedForNowAndStaysDue() throws Exception {
        app.write("gd/a-descent.md", DESCENT);
        app.write("gd/b-plain.md", PLAIN);
        app.send("POST", "/api/import", null);
        long descent = id("Quadratic step");
        String first = app.get("/review").body();
        assertTrue(first.contains("/cards/" + descent + "/descent?from=review"), "new cards come in file order");
        assertTrue(first.contains("href=\"/review?skip=" + descent + "\""), "the descent card offers skip for now");
        String skipped = app.get("/review?skip=" + descent).body();
        assertTrue(skipped.contains("What is a gradient?"), "the next card instead");
        assertTrue(app.get("/review").body().contains("/cards/" + descent + "/descent?from=review"), "it stays due");
    }
}
