package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paper prompts are made only where asked for: by the setting, or by a deck's own files; turned off, they keep their history. */
class PaperPromptOptInTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;

    static String citing(String title, String url) {
        return "# " + title + " card\n# Question\nWhy?\n# Papers read\n- [" + title + "](" + url
                + ")\n    - What it showed.\n";
    }

    @BeforeEach
    void start() throws Exception {
        Path deck = dir.resolve("cards");
        Files.createDirectories(deck.resolve("ml"));
        Files.createDirectories(deck.resolve("llm"));
        Files.writeString(deck.resolve("ml/adam.md"), citing("Adam", "https://arxiv.org/abs/1412.6980"));
        Files.writeString(
                deck.resolve("llm/bpe.md"),
                "---\npaper-prompts: true\n---\n" + citing("BPE", "https://arxiv.org/abs/1508.07909"));
        app = RunningApp.start(deck, dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    List<String> prompts(boolean archived) throws Exception {
        List<String> found = new ArrayList<>();
        for (JsonNode c : JSON.readTree(
                app.get("/api/cards" + (archived ? "?archived=true" : "")).body())) {
            if (c.get("kind").asText().equals("paper")) found.add(c.get("deck").asText());
        }
        return found;
    }

    @Test
    void onlyADeckThatAsksGetsPromptsUntilTheSettingIsOn() throws Exception {
        assertEquals(List.of("llm"), prompts(false), "the llm deck's file asked; ml did not");
        app.send("PUT", "/api/settings", "{\"paperPrompts\": true}");
        assertEquals(
                List.of("llm", "ml"),
                prompts(false).stream().sorted().toList(),
                "the setting turns them on everywhere else");
    }

    @Test
    void turningThemOffArchivesPromptsWithTheirHistory() throws Exception {
        app.send("PUT", "/api/settings", "{\"paperPrompts\": true}");
        long prompt = -1;
        for (JsonNode c : JSON.readTree(app.get("/api/cards").body())) {
            if (c.get("kind").asText().equals("paper") && c.get("deck").asText().equals("ml"))
                prompt = c.get("id").asLong();
        }
        assertEquals(
                201,
                app.send("POST", "/api/cards/" + prompt + "/reviews", "{\"rating\": 3}")
                        .statusCode());

        app.send("PUT", "/api/settings", "{\"paperPrompts\": false}");
        assertEquals(List.of("llm"), prompts(false));
        assertEquals(List.of("ml"), prompts(true), "archived, not deleted");
        JsonNode kept = JSON.readTree(app.get("/api/cards/" + prompt).body());
        assertEquals("archived", kept.get("state").asText());
        assertEquals(1, kept.get("reps").asInt(), "its review history is kept");

        app.send("PUT", "/api/settings", "{\"paperPrompts\": true}");
        assertEquals(
                1,
                JSON.readTree(app.get("/api/cards/" + prompt).body())
                        .get("reps")
                        .asInt(),
                "back, with its history");
    }
}
