package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deck citing 130 papers lists them a hundred at a time, filters and order kept from page to page. */
class PaperListPagingTest {
    private static final Pattern ROW = Pattern.compile("<li class=\"paper-row\">");

    @TempDir
    Path dir;

    @Test
    void thePapersPageIsBounded() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        for (int i = 0; i < 130; i++) {
            Files.writeString(deck.resolve("card-" + i + ".md"), """
                    # Card %d
                    #Tags: #Reading

                    # Question
                    What did paper %d show?

                    # Answer
                    Something.

                    # Papers read
                    - [Paper number %03d](https://arxiv.org/abs/2401.%05d)
                        - It showed something.
                    """.formatted(i, i, i, i));
        }
        try (RunningApp app = RunningApp.start(deck, dir.resolve("app.sqlite"), Clock.systemUTC())) {
            String first = app.get("/papers?sort=title").body();
            assertEquals(100, ROW.matcher(first).results().count());
            assertTrue(first.contains("Papers 1–100 of 130"), "the count says which slice this is");
            assertTrue(first.contains("href=\"/papers?sort=title&amp;page=2\""), "the next page keeps the order");
            String second = app.get("/papers?sort=title&page=2").body();
            assertEquals(30, ROW.matcher(second).results().count());
            assertTrue(second.contains("Paper number 129"));
            assertEquals(400, app.get("/papers?page=zero").statusCode());
        }
    }
}
