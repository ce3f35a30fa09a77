package dev.gradientdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stranger clones the repository and starts the app on the bundled deck, with a new database. */
class FreshInstallTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;
    long files;

    @BeforeEach
    void start() throws Exception {
        Path deck = dir.resolve("cards");
        // A fresh clone: every file is as new as the copy, which is what dated the bundled record before.
        try (Stream<Path> walk = Files.walk(Path.of("cards"))) {
            for (Path source : walk.toList()) {
                Path target = deck.resolve(Path.of("cards").relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> walk = Files.walk(deck)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).count();
        }
        app = RunningApp.start(deck, dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theStarterDeckGivesNoStreak() throws Exception {
        JsonNode stats = JSON.readTree(app.get("/api/stats").body());
        assertEquals(0, stats.get("currentStreak").asInt(), "nobody has reviewed anything yet");
        assertEquals(0, stats.get("bestStreak").asInt());
        assertEquals(0, stats.get("totalDays").asInt());
        assertFalse(stats.get("todayCounted").asBoolean());

        String page = app.get("/stats").body();
        assertFalse(page.contains("data-level=\"2\""), "no day of the year shows as kept");
        assertFalse(page.contains("data-level=\"3\"") || page.contains("data-level=\"4\""));
        assertFalse(app.get("/").body().contains("carried over"), "the home page names no carried record");
    }

    @Test
    void theStarterDeckIsTheHandWrittenCards() throws Exception {
        JsonNode cards = JSON.readTree(app.get("/api/cards").body());
        assertEquals(files, cards.size(), "one card per file in the bundled deck, no generated paper prompts");
        for (JsonNode card : cards) assertTrue(!card.get("kind").asText().equals("paper"), card.toString());
    }
}
