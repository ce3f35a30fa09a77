package dev.gradientdeck.papers;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Papers, search and exports through the running app, over a deck written for the purpose. */
class PaperApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        Files.writeString(deck.resolve("adam.md"), """
                # Adam
                #Tags: #Optimizers

                # Interview Question
                What does Adam keep per parameter?

                # Answer
                Two moving averages: of the gradient and of its square. Compare `m<v && v>0` with <script>alert(1)</script> momentum.

                # Papers read
                - [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980v9)
                    - Adaptive moments with bias correction; works with sparse gradients.
                - [Decoupled Weight Decay Regularization](https://arxiv.org/pdf/1711.05101.pdf)
                    - AdamW: weight decay applied apart from the adaptive step.
                """);
        Files.writeString(deck.resolve("momentum.md"), """
                # Momentum
                #Tags: #Optimizers

                # Question
                Why does momentum help in a ravine?

                # Answer
                Velocity averages the gradient, so oscillations cancel. Adam adds per-parameter scaling.

                # Papers read
                - [On the importance of initialization and momentum in deep learning](http://proceedings.mlr.press/v28/sutskever13.html)
                - [Adam](https://arxiv.org/pdf/1412.6980.pdf)
                """);
        Files.writeString(deck.resolve("weight-decay.md"), """
                ---
                kind: paper
                title: "Decoupled Weight Decay Regularization"
                authors: Loshchilov, Ilya and Hutter, Frank
                year: 2019
                arxiv: 1711.05101v3
                status: read
                read: 2024-05-02
                tags: [Regularization]
                ---
                Weight decay in Adam is not L2 regularization; decouple it & {braces} & 100% of the $\\lambda$ survives.
                """);
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.systemUTC());
        // Paper prompts are opt-in; these tests are about the prompts too.
        app.send("PUT", "/api/settings", "{\"paperPrompts\": true}");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    JsonNode search(String typed) throws Exception {
        return json("/api/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
    }

    long cardId(String slug) throws Exception {
        for (JsonNode card : json("/api/cards"))
            if (card.get("slug").asText().equals(slug)) return card.get("id").asLong();
        throw new AssertionError("no card " + slug);
    }

    @Test
    void everyPaperIsListedOnceWithItsCards() throws Exception {
        JsonNode papers = json("/api/papers?sort=title");
        List<String> titles = new ArrayList<>();
        papers.forEach(p -> titles.add(p.get("title").asText()));
        assertEquals(
                List.of(
                        "Adam: A Method for Stochastic Optimization",
                        "Decoupled Weight Decay Regularization",
                        "On the importance of initialization and momentum in deep learning"),
                titles);

        JsonNode adam = papers.get(0);
        assertEquals("1412.6980", adam.get("arxivId").asText());
        assertEquals("https://arxiv.org/abs/1412.6980v9", adam.get("url").asText());
        assertEquals(
                "Adaptive moments with bias correction; works with sparse gradients.",
                adam.get("summary").asText());
        assertEquals(
                List.of(cardId("optimizers/adam"), cardId("optimizers/momentum")),
                JSON.convertValue(adam.get("cardIds"), List.class).stream()
                        .map(n -> ((Number) n).longValue())
                        .toList());

        JsonNode detail = json("/api/papers/" + papers.get(1).get("id").asLong());
        assertEquals(
                List.of("Loshchilov, Ilya", "Hutter, Frank"), JSON.convertValue(detail.get("authors"), List.class));
        assertEquals(2019, detail.get("year").asInt());
        assertEquals("2024-05-02", detail.get("readDate").asText());
        assertEquals("1711.05101", detail.get("arxivId").asText());
        assertEquals(1, detail.get("summaries").size());
        assertTrue(detail.get("notes").get(0).get("notes").asText().startsWith("Weight decay in Adam"));
        assertTrue(detail.get("promptCardId").isIntegralNumber());

        JsonNode card = json("/api/cards/" + cardId("optimizers/adam"));
        assertEquals(
                adam.get("id").asLong(),
                card.get("papers").get(0).get("paperId").asLong());
        assertEquals(
                papers.get(1).get("id").asLong(),
                card.get("papers").get(1).get("paperId").asLong());
    }

    @Test
    void papersFilterAndSortAndRefuseBadValues() throws Exception {
        assertEquals(1, json("/api/papers?tag=%23regularization").size());
        assertEquals(3, json("/api/papers?tag=Optimizers").size());
        assertEquals(0, json("/api/papers?status=to-read").size());
        assertEquals(
                "Decoupled Weight Decay Regularization",
                json("/api/papers").get(0).get("title").asText(),
                "by read date, dated papers first");

        HttpResponse<String> badSort = app.get("/api/papers?sort=stars");
        assertEquals(400, badSort.statusCode());
        assertEquals(
                "sort 'stars' is not one of: read, title.",
                JSON.readTree(badSort.body()).get("error").asText());
        HttpResponse<String> badStatus = app.get("/papers?status=done");
        assertEquals(400, badStatus.statusCode());
        assertTrue(badStatus.body().contains("status 'done' is not one of: to-read, reading, read."), badStatus.body());
        assertEquals(404, app.get("/api/papers/999").statusCode());
        assertEquals(
                "There is no paper 'x': paper ids are numbers.",
                JSON.readTree(app.get("/api/papers/x").body()).get("error").asText());
    }

    @Test
    void searchFindsCardsAndPapersByAnyWordBestFirst() throws Exception {
        JsonNode hits = search("adam");
        List<String> found = new ArrayList<>();
        hits.forEach(hit ->
                found.add(hit.get("type").asText() + " " + hit.get("title").asText()));
        // The two with Adam in their title first, then the card and the notes that only mention it.
        assertEquals(
                java.util.Set.of("card Adam", "paper Adam: A Method for Stochastic Optimization"),
                java.util.Set.copyOf(found.subList(0, 2)),
                found.toString());
        assertEquals(
                java.util.Set.of("card Momentum", "paper Decoupled Weight Decay Regularization"),
                java.util.Set.copyOf(found.subList(2, 4)),
                found.toString());
        assertEquals(4, found.size());
        // Each snippet shows where the word is, or, when only the title holds it, what the card asks or the paper
        // showed.
        for (JsonNode hit : hits) {
            String snippet = hit.get("snippet").asText();
            assertTrue(
                    snippet.contains("<mark>Adam")
                            || snippet.startsWith("What does Adam")
                            || snippet.startsWith("Adaptive moments"),
                    hit.toString());
        }

        JsonNode paper = search("bias correction").get(0);
        assertEquals("paper", paper.get("type").asText());
        assertEquals(
                "Adam: A Method for Stochastic Optimization", paper.get("title").asText());
        assertTrue(
                paper.get("snippet").asText().contains("<mark>bias</mark> <mark>correction</mark>"), paper.toString());

        // Prefix matching as the learner types; words from notes, tags and link text count too.
        assertEquals("Momentum", search("ravi").get(0).get("title").asText());
        assertEquals(
                "Decoupled Weight Decay Regularization",
                search("decouple l2").get(0).get("title").asText());
        assertEquals(5, search("optimizers").size(), "two cards, and the three papers they cite take their tags");
        assertEquals(0, search("arxiv.org").size(), "link addresses are not words of the card");
    }

    @Test
    void snippetsEscapeEverythingButTheirMarks() throws Exception {
        String snippet = search("compare").get(0).get("snippet").asText();
        assertTrue(snippet.contains("<mark>Compare</mark> m&lt;v &amp;&amp; v&gt;0"), snippet);
        assertFalse(snippet.contains("<script") || snippet.contains("<v"), snippet);
        assertEquals("[]", app.get("/api/search?q=script").body(), "raw HTML is dropped, as on the page");
        String notes = search("braces").get(0).get("snippet").asText();
        assertTrue(notes.contains("<mark>braces</mark>") && notes.contains("&amp;"), notes);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"unbalanced",
                "adam OR",
                "NOT",
                "title:adam",
                "(adam",
                "a*b^c",
                "NEAR(adam momentum)",
                "'; DROP TABLE cards; --",
                "adam\"*"
            })
    void ftsSyntaxIsReadAsPlainWords(String typed) throws Exception {
        HttpResponse<String> api = app.get("/api/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(JSON.readTree(api.body()).isArray());
        assertEquals(
                200,
                app.get("/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8))
                        .statusCode());
    }

    @Test
    void aQueryWithoutWordsFindsNothing() throws Exception {
        for (String typed : List.of("", "%20%20", "%22%22", "*", "()"))
            assertEquals("[]", app.get("/api/search?q=" + typed).body());
        assertEquals("[]", app.get("/api/search").body());
        assertEquals(200, app.get("/search").statusCode());
    }

    @Test
    void theBibtexExportParsesBack() throws Exception {
        HttpResponse<String> response = app.get("/papers.bib");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-bibtex"));
        List<BibtexReader.Entry> entries = BibtexReader.read(response.body());
        assertEquals(3, entries.size());
        Map<String, String> weightDecay = entries.stream()
                .filter(e -> e.key().equals("loshchilov2019decoupled"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(response.body()))
                .fields();
        assertEquals("Decoupled Weight Decay Regularization", BibtexReader.latexToText(weightDecay.get("title")));
        assertEquals("Loshchilov, Ilya and Hutter, Frank", weightDecay.get("author"));
        assertEquals("2019", weightDecay.get("year"));
        assertEquals("1711.05101", weightDecay.get("eprint"));
        assertTrue(entries.stream().anyMatch(e -> "1412.6980".equals(e.fields().get("eprint"))));

        JsonNode csl = JSON.readTree(app.get("/papers.json").body());
        assertEquals(3, csl.size());
        assertTrue(csl.findValuesAsText("title").contains("Adam: A Method for Stochastic Optimization"));
        assertTrue(csl.findValuesAsText("URL").contains("https://arxiv.org/abs/1412.6980v9"));
    }

    @Test
    void pagesLinkCardsAndPapersBothWays() throws Exception {
        JsonNode adam = json("/api/papers?sort=title").get(0);
        long adamCard = cardId("optimizers/adam");
        String list = app.get("/papers").body();
        assertTrue(list.contains("href=\"/papers/" + adam.get("id").asLong() + "\""), list);

        String paper = app.get("/papers/" + adam.get("id").asLong()).body();
        assertTrue(paper.contains("href=\"/cards/" + adamCard + "\""), paper);
        assertTrue(paper.contains("Adaptive moments with bias correction"));

        String card = app.get("/cards/" + adamCard).body();
        assertTrue(card.contains("href=\"/papers/" + adam.get("id").asLong() + "\""), card);

        String results = app.get("/search?q=ravine").body();
        assertTrue(results.contains("<mark>ravine</mark>"), results);
        assertEquals(404, app.get("/papers/123456").statusCode());
    }
}
