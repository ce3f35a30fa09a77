package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Titles that look like sections, device names, links out of the deck, and a file claiming another card's id. */
class DeckEdgeCasesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (out.length() > 0) out.append('&');
            out.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Test
    void aCardTitledLikeASectionRoundTrips() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            for (String title : new String[] {"Question", "Answer", "Papers", "Key points"}) {
                HttpResponse<String> made = app.postForm(
                        "/cards/new", form("title", title, "question", "What is " + title + "?", "answer", "This."));
                assertEquals(303, made.statusCode(), made.body());
                String location = made.headers().firstValue("Location").orElseThrow();
                HttpResponse<String> page = app.get(location);
                assertEquals(200, page.statusCode(), title + ": " + page.body());
                assertTrue(page.body().contains("What is " + title + "?"), title);
            }
            for (JsonNode c : JSON.readTree(app.get("/api/cards").body())) {
                assertTrue(
                        java.util.Set.of("Question", "Answer", "Papers", "Key points")
                                .contains(c.get("title").asText()),
                        c.toString());
            }
            assertTrue(JSON.readTree(app.send("POST", "/api/import", null).body())
                    .get("errors")
                    .isEmpty());
        }
    }

    @Test
    void windowsDeviceNamesAreRefusedAsFileAndDeckNames() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            String[][] cases = {
                {"title", "CON"},
                {"title", "nul", "fileName", "nul"},
                {"title", "Ok", "fileName", "com1"},
                {"title", "Ok", "deck", "aux"},
                {"title", "Ok", "deck", "ml/lpt1"}
            };
            for (String[] c : cases) {
                String[] fields = new String[c.length + 2];
                System.arraycopy(c, 0, fields, 0, c.length);
                fields[c.length] = "question";
                fields[c.length + 1] = "Why?";
                HttpResponse<String> r = app.postForm("/cards/new", form(fields));
                assertEquals(400, r.statusCode(), String.join(",", c));
                assertTrue(r.body().contains("Windows"), r.body());
            }
            try (var files = Files.walk(app.deck)) {
                assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing may have been written");
            }
        }
    }

    @Test
    void linksLeadingOutsideTheDeckAreNeitherReadNorWrittenThrough() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "# Secret\n# Question\nOutside?\n");
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("mine.md"), "# Mine\n# Question\nInside?\n");
        Files.createSymbolicLink(deck.resolve("linked.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(deck.resolve("elsewhere"), outside);
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            JsonNode cards = JSON.readTree(app.get("/api/cards").body());
            assertEquals(1, cards.size(), cards.toString());
            assertEquals("mine", cards.get(0).get("slug").asText());
            assertTrue(app.get("/import").body().contains("linked.md"), "the link is not reported");

            HttpResponse<String> made =
                    app.postForm("/cards/new", form("title", "Escape", "deck", "elsewhere", "question", "Out?"));
            assertEquals(400, made.statusCode(), made.body());
            assertFalse(
                    Files.exists(outside.resolve("escape.md")), "a card was written outside the deck through a link");
        }
    }

    @Test
    void aFileClaimingAnExistingCardsIdIsADuplicateAndTakesNothingOver() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            app.write("zeta.md", "---\nid: zeta\n---\n# Zeta\n# Question\nThe original?\n");
            app.send("POST", "/api/import", null);
            long id =
                    JSON.readTree(app.get("/api/cards").body()).get(0).get("id").asLong();
            app.write("alpha.md", "---\nid: zeta\n---\n# Impostor\n# Question\nTaken over?\n");
            JsonNode report =
                    JSON.readTree(app.send("POST", "/api/import", null).body());
            assertEquals(1, report.get("errors").size(), report.toString());
            assertEquals("alpha.md", report.get("errors").get(0).get("file").asText());
            assertTrue(report.get("errors").get(0).get("message").asText().contains("zeta.md"), report.toString());
            JsonNode card = JSON.readTree(app.get("/api/cards/" + id).body());
            assertEquals("Zeta", card.get("title").asText());
            assertTrue(card.get("question").asText().contains("The original?"), card.toString());
        }
    }
}
