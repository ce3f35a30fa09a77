package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deck watcher of a running app survives git, folders that come and go, and folders it cannot read. */
class DeckWatcherTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String card(String title) {
        return "# " + title + "\n# Question\nWhat is " + title + "?\n# Answer\nThis.\n";
    }

    static void run(Path in, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(in.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    static List<String> slugs(RunningApp app) throws Exception {
        List<String> slugs = new ArrayList<>();
        for (JsonNode c : JSON.readTree(app.get("/api/cards").body()))
            slugs.add(c.get("slug").asText());
        return slugs;
    }

    /** Waits (up to 15 s) for the watcher to import a card, without any sync asked for. */
    static boolean appears(RunningApp app, String slug) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (slugs(app).contains(slug)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void gitInsideTheDeckLeavesTheWatcherAlive() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("first.md"), card("First"));
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            Thread.sleep(500);
            run(deck, "git", "init", "-q");
            run(deck, "git", "-c", "user.email=l@example.org", "-c", "user.name=Learner", "add", "-A");
            run(deck, "git", "-c", "user.email=l@example.org", "-c", "user.name=Learner", "commit", "-q", "-m", "deck");
            Files.createDirectories(deck.resolve(".obsidian"));
            Files.writeString(deck.resolve(".obsidian/workspace.md"), card("Not a card"));
            Thread.sleep(1000);
            Files.writeString(deck.resolve("after-git.md"), card("After git"));
            assertTrue(appears(app, "after-git"), "a card written after git init and commit was never picked up");
            assertFalse(
                    slugs(app).stream().anyMatch(s -> s.contains("workspace") || s.contains(".git")),
                    slugs(app).toString());
            String page = app.get("/import").body();
            assertTrue(page.contains("Live pick-up on since"), page);
        }
    }

    @Test
    void foldersMadeAndRemovedAtOnceLeaveTheWatcherAlive() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("first.md"), card("First"));
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            Thread.sleep(500);
            for (int i = 0; i < 30; i++) {
                // What unzip, editors and checkouts do: nested folders appear and vanish while the watcher walks them.
                run(deck, "sh", "-c", "mkdir -p t" + i + "/a/b/c/d && touch t" + i + "/a/b/c/d/x.md && rm -rf t" + i);
            }
            Thread.sleep(1000);
            Files.writeString(deck.resolve("after-churn.md"), card("After churn"));
            assertTrue(appears(app, "after-churn"), "a card written after folders came and went was never picked up");
        }
    }

    @Test
    void aFolderTooDeepToReadIsReportedAndEverythingElseImports() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("first.md"), card("First"));
        // Deeper than any path the system can open in one piece (4096 bytes): made one level at a time.
        try {
            run(
                    deck,
                    "python3",
                    "-c",
                    "import os\nfor i in range(2100):\n    os.mkdir('d'); os.chdir('d')\nopen('deep.md', 'w').write('# Deep')");
            try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
                assertEquals(List.of("first"), slugs(app));
                String page = app.get("/import").body();
                assertTrue(page.contains("d/d/d/d"), "the import page does not name the deep folder");
                assertTrue(page.contains("folders deep"), "the import page does not say why");
                Files.writeString(deck.resolve("second.md"), card("Second"));
                assertTrue(appears(app, "second"), "the watcher stopped over a deep folder");
                assertEquals(200, app.send("POST", "/api/import", null).statusCode());
            }
        } finally {
            run(deck, "rm", "-rf", "d");
        }
    }
}
