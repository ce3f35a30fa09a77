package dev.gradientdeck.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stylesheet, scripts and icons a page links are fetched once and kept: a browser need not ask again on the next page. */
class AssetsTest {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void pagesLinkFingerprintedFilesThatAreCachedForAYear() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("a.md"), "# Alpha\n\n# Question\nWhat is alpha?\n\n# Answer\nThe first.\n");
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            List<String> links = new ArrayList<>();
            for (String page : List.of("/", "/review", "/cards", "/stats")) {
                Matcher m = LINK.matcher(app.get(page).body());
                while (m.find()) links.add(m.group(1));
            }
            assertTrue(
                    links.stream().anyMatch(l -> l.matches("/assets/css/app\\.[0-9a-f]{10}\\.css")),
                    "the stylesheet: " + links);
            assertTrue(
                    links.stream().anyMatch(l -> l.matches("/assets/js/app\\.[0-9a-f]{10}\\.js")),
                    "the script: " + links);
            assertTrue(
                    links.stream().anyMatch(l -> l.matches("/assets/img/icon\\.[0-9a-f]{10}\\.svg")),
                    "the icon: " + links);
            for (String link : links) {
                HttpResponse<String> response = app.get(link);
                assertEquals(200, response.statusCode(), link);
                assertEquals(
                        "public, max-age=31536000, immutable",
                        response.headers().firstValue("Cache-Control").orElse(""),
                        link);
            }

            String css = links.stream()
                    .filter(l -> l.startsWith("/assets/css/app."))
                    .findFirst()
                    .orElseThrow();
            HttpResponse<byte[]> stylesheet = app.http()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(css)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(
                    stylesheet.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
            assertArrayEquals(
                    Files.readAllBytes(Path.of("static/css/app.css")),
                    stylesheet.body(),
                    "the file as it is in the project");

            // Another fingerprint is not this file's: old content is never served under a name that promises it never
            // changes.
            assertEquals(404, app.get("/assets/css/app.0000000000.css").statusCode());
            assertEquals(404, app.get("/assets/css/nothing.0000000000.css").statusCode());
            assertEquals(404, app.get("/assets/css/app.css").statusCode());
            assertFalse(
                    app.get("/").body().contains("\"/static/css/app.css\""),
                    "no page links the unversioned stylesheet");
        }
    }
}
