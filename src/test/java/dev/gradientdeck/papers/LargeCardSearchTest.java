package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A very large card searched for a one-letter word: searches answer, and the rest of the app keeps answering meanwhile. */
class LargeCardSearchTest {
    @TempDir
    Path dir;

    @Test
    void searchingALargeCardLeavesTheAppAnswering() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            StringBuilder answer = new StringBuilder();
            for (int i = 0; answer.length() < 648_000; i++)
                answer.append("a word and a b").append(i % 97).append(i % 10 == 9 ? ".\n\n" : " ");
            app.write("huge.md", "# Huge\n# Question\nWhat is a huge card?\n# Answer\n" + answer + "\n");
            app.write("small.md", "# Small\n# Question\nWhat is a small card?\n# Answer\nA small one.\n");
            assertEquals(200, app.send("POST", "/api/import", null).statusCode());

            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> searches = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                searches.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return app.get("/api/search?q=a");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            HttpResponse<String> other = app.get("/api/cards");
            for (CompletableFuture<HttpResponse<String>> s : searches) {
                HttpResponse<String> r = s.get();
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("Huge"), r.body());
            }
            System.out.printf(
                    "large card search: 6 parallel searches for \"a\" over a %d KB card in %d ms%n",
                    answer.length() / 1000, (System.nanoTime() - started) / 1_000_000);
            assertEquals(200, other.statusCode(), "another page failed while searches ran: " + other.body());
        }
    }
}
