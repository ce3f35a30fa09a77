package dev.gradientdeck.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NavTest {
    private static final Pattern LINK =
            Pattern.compile("<a href=\"([^\"]*)\" class=\"(active)?(?: on-phone)?\">([^<]*)</a>");

    @TempDir
    Path dir;

    @Test
    void everyPageHasTheSameHeaderLinksAndMarksTheOneItBelongsTo() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            for (Nav nav : Nav.values()) {
                HttpResponse<String> page = app.get(nav.path());
                assertEquals(200, page.statusCode(), nav.path());
                List<String> all = List.of(
                        "/ Home",
                        "/review Review",
                        "/practice Practice",
                        "/interview Interview",
                        "/cards Cards",
                        "/papers Papers",
                        "/stats Stats",
                        "/scheduler Scheduler",
                        "/import Import",
                        "/settings Settings");
                assertEquals(all, links(page.body(), false), nav.path());
                assertEquals(List.of(nav.path() + " " + nav.label()), links(page.body(), true), nav.path());
                assertEquals(
                        all,
                        links(page.body(), false, "<nav aria-label=\"All pages\""),
                        "the phone menu holds every page");
                assertEquals(
                        List.of(nav.path() + " " + nav.label()),
                        links(page.body(), true, "<nav aria-label=\"All pages\""));
            }
            String search = app.get("/search?q=x").body();
            assertFalse(links(search, false).isEmpty());
            assertTrue(links(search, true).isEmpty(), "search is no header link, so none is marked");
        }
    }

    private static List<String> links(String html, boolean activeOnly) {
        return links(html, activeOnly, "<nav class=\"main-nav\"");
    }

    private static List<String> links(String html, boolean activeOnly, String start) {
        int from = html.indexOf(start);
        String nav = html.substring(from, html.indexOf("</nav>", from));
        Matcher m = LINK.matcher(nav);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            if (!activeOnly || m.group(2) != null) found.add(m.group(1) + " " + m.group(3));
        }
        return found;
    }
}
