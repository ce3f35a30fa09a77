package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deck of 250 cards is listed a hundred at a time, in the browser and over the API, and the whole list is still there to ask for. */
class CardListPagingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("<a class=\"card-title\" href=\"/cards/(\\d+)\">");

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        for (int i = 0; i < 250; i++) {
            String folder = i < 150 ? "ml" : "ml/optim";
            Files.createDirectories(deck.resolve(folder));
            String tags = i % 5 == 0 ? "#Tags: #Interview\n" : "";
            Files.writeString(
                    deck.resolve(folder + "/card-" + i + ".md"),
                    "# Card %03d\n%s\n# Question\nWhat is %d?\n\n# Answer\nIt is %d.\n".formatted(i, tags, i, i));
        }
        app = RunningApp.start(deck, dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<Long> rows(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        return ids;
    }

    @Test
    void theCardPageShowsAHundredWithLinksToTheRest() throws Exception {
        String first = app.get("/cards").body();
        assertEquals(100, rows(first).size());
        assertTrue(first.contains("Cards 1–100 of 250"), "the count says which slice this is");
        assertTrue(first.contains("href=\"/cards?page=2\""), "a link to the next page");
        assertTrue(first.contains("aria-current=\"page\">1<"), "this page is marked");

        String last = app.get("/cards?page=3").body();
        assertEquals(50, rows(last).size());
        assertTrue(last.contains("Cards 201–250 of 250"));
        assertTrue(last.contains("rel=\"prev\" href=\"/cards?page=2\""));

        // Every card once, in the same order as the whole list.
        List<Long> paged = new ArrayList<>(rows(first));
        paged.addAll(rows(app.get("/cards?page=2").body()));
        paged.addAll(rows(last));
        assertEquals(250, new HashSet<>(paged).size());
        List<Long> whole = new ArrayList<>();
        for (JsonNode card : JSON.readTree(app.get("/api/cards?limit=all").body()))
            whole.add(card.get("id").asLong());
        assertEquals(whole, paged);

        // Past the last page is the last page.
        assertEquals(rows(last), rows(app.get("/cards?page=99").body()));
    }

    @Test
    void filtersKeepTheirPagesAndAChosenSize() throws Exception {
        String tagged = app.get("/cards?tag=Interview").body();
        assertEquals(50, rows(tagged).size());
        assertTrue(tagged.contains("50 cards"));
        assertFalse(tagged.contains("class=\"pager\""), "one page needs no page bar");

        String deck = app.get("/cards?deck=ml/optim&limit=40&page=2").body();
        assertEquals(40, rows(deck).size());
        assertTrue(deck.contains("Cards 41–80 of 100"));
        assertTrue(
                deck.contains("href=\"/cards?deck=ml%2Foptim&amp;limit=40&amp;page=3\""),
                "the next page keeps the deck and size");
        assertEquals(250, rows(app.get("/cards?deck=ml&limit=500").body()).size(), "a deck holds its sub-decks");
    }

    @Test
    void theApiPagesWithATotalAndGivesTheWholeListWhenAsked() throws Exception {
        HttpResponse<String> first = app.get("/api/cards");
        assertEquals(100, JSON.readTree(first.body()).size());
        assertEquals("250", first.headers().firstValue("X-Total-Count").orElse(""));
        assertTrue(first.headers().firstValue("Link").orElse("").contains("</api/cards?page=2>; rel=\"next\""));

        HttpResponse<String> tagged = app.get("/api/cards?tag=Interview&limit=20&page=2");
        assertEquals(20, JSON.readTree(tagged.body()).size());
        assertEquals("50", tagged.headers().firstValue("X-Total-Count").orElse(""));
        String link = tagged.headers().firstValue("Link").orElse("");
        assertTrue(link.contains("</api/cards?tag=Interview&limit=20&page=1>; rel=\"prev\""), link);
        assertTrue(link.contains("</api/cards?tag=Interview&limit=20&page=3>; rel=\"next\""), link);

        assertEquals(250, JSON.readTree(app.get("/api/cards?limit=all").body()).size());
        assertEquals(
                0,
                JSON.readTree(app.get("/api/cards?page=9").body()).size(),
                "past the end of the API's list: nothing");
        assertEquals(
                10,
                JSON.readTree(app.get("/api/cards?q=card%2001&limit=all").body())
                        .size(),
                "a title search: Card 010 to Card 019");
    }

    @Test
    void aPageOrSizeThatIsNotANumberIsRefusedByName() throws Exception {
        HttpResponse<String> page = app.get("/api/cards?page=0");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("page '0' must be a whole number from 1"), page.body());
        HttpResponse<String> limit = app.get("/api/cards?limit=lots");
        assertEquals(400, limit.statusCode());
        assertTrue(limit.body().contains("limit 'lots' must be a whole number from 1 to 1000 (or all)"), limit.body());
        assertEquals(400, app.get("/cards?limit=all").statusCode(), "the page in a browser stays bounded");
    }
}
