package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.createDirectories(deck.resolve("ml"));
        Files.writeString(deck.resolve("ml/adam.md"), """
                # Adam
                #Tags: #Optimizers #Interview

                # Interview Question
                What does Adam keep per parameter?

                # Answer
                Two moving averages: of the gradient and of its square.

                # Papers read
                - [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980)
                    - Adaptive moments with bias correction.
                """);
        Files.writeString(deck.resolve("broken.md"), "");
        app = RunningApp.start(deck, dir.resolve("app.sqlite"), Clock.systemUTC());
        // Paper prompts are opt-in; these tests are about the prompts too.
        app.send("PUT", "/api/settings", "{\"paperPrompts\": true}");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void listsAndShowsCards() throws Exception {
        JsonNode list = JSON.readTree(app.get("/api/cards").body());
        // The card, and the review prompt made from the summary of the paper it cites.
        assertEquals(2, list.size());
        assertEquals("paper/arxiv:1412.6980", list.get(1).get("slug").asText());
        assertEquals("paper", list.get(1).get("kind").asText());
        JsonNode card = list.get(0);
        assertEquals("ml/adam", card.get("slug").asText());
        assertEquals("Adam", card.get("title").asText());
        assertEquals("ml", card.get("deck").asText());
        assertEquals("basic", card.get("kind").asText());
        assertEquals("new", card.get("state").asText());
        assertEquals("[\"Interview\",\"Optimizers\"]", card.get("tags").toString());

        JsonNode detail =
                JSON.readTree(app.get("/api/cards/" + card.get("id").asLong()).body());
        assertEquals(
                "What does Adam keep per parameter?", detail.get("question").asText());
        assertEquals(
                "https://arxiv.org/abs/1412.6980",
                detail.get("papers").get(0).get("url").asText());
        assertEquals(
                "Adaptive moments with bias correction.",
                detail.get("papers").get(0).get("summary").asText());
        assertTrue(
                detail.get("papers").get(0).get("paperId").isIntegralNumber(),
                "the citation links to its paper record");

        assertEquals(
                2, JSON.readTree(app.get("/api/cards?tag=optimizers").body()).size());
        assertEquals(0, JSON.readTree(app.get("/api/cards?tag=nothing").body()).size());
    }

    @Test
    void unknownCardsAreClearJson404s() throws Exception {
        HttpResponse<String> missing = app.get("/api/cards/999");
        assertEquals(404, missing.statusCode());
        assertEquals(
                "There is no card 999.",
                JSON.readTree(missing.body()).get("error").asText());
        HttpResponse<String> notANumber = app.get("/api/cards/abc");
        assertEquals(404, notANumber.statusCode());
        assertTrue(JSON.readTree(notANumber.body()).get("error").asText().contains("card ids are numbers"));
    }

    @Test
    void importReportsBrokenFilesAndNewOnes() throws Exception {
        app.write("ml/momentum.md", "# Momentum\n# Question\nWhy momentum?\n");
        HttpResponse<String> response = app.send("POST", "/api/import", null);
        assertEquals(200, response.statusCode());
        JsonNode report = JSON.readTree(response.body());
        assertEquals(1, report.get("errors").size());
        assertEquals("broken.md", report.get("errors").get(0).get("file").asText());
        assertEquals("file is empty", report.get("errors").get(0).get("message").asText());
        assertEquals(3, JSON.readTree(app.get("/api/cards").body()).size());
    }

    @Test
    void pagesRenderWithSecurityHeaders() throws Exception {
        HttpResponse<String> home = app.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("2 cards in 1 deck"), home.body());
        assertTrue(
                home.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        HttpResponse<String> imports = app.get("/import");
        assertTrue(imports.body().contains("broken.md"));
        assertEquals(404, app.get("/no/such/page").statusCode());
        assertTrue(app.get("/no/such/page").body().contains("There is no page at /no/such/page."));
    }

    @Test
    void aCrossSiteWriteIsRefused() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/import")))
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertTrue(JSON.readTree(response.body()).get("error").asText().contains("https://evil.example"));
    }
}
