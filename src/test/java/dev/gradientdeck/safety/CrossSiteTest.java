package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forged requests from another origin, at every state-changing route, are refused and change nothing. */
class CrossSiteTest {
    @TempDir
    Path dir;

    RunningApp app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.systemUTC());
        app.write("a.md", "# A\n# Question\nWhy?\n");
        app.send("POST", "/api/import", null);
        app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    record Route(String method, String path, String contentType, String body) {}

    static final List<Route> WRITES = List.of(
            new Route("POST", "/cards/new", "application/x-www-form-urlencoded", "title=Forged&question=Why"),
            new Route("POST", "/import", "application/x-www-form-urlencoded", ""),
            new Route("POST", "/review/1/answer", "application/x-www-form-urlencoded", "rating=1&reps=1"),
            new Route("POST", "/review/undo", "application/x-www-form-urlencoded", ""),
            new Route("POST", "/api/cards/1/reviews", "application/json", "{\"rating\": 1}"),
            new Route("DELETE", "/api/reviews/last", "application/json", ""),
            new Route("POST", "/api/import", "application/json", ""));

    static final List<Map<String, String>> FORGERIES = List.of(
            Map.of("Origin", "https://evil.example"),
            Map.of("Origin", "http://127.0.0.1.evil.example"),
            Map.of("Origin", "null"),
            Map.of("Sec-Fetch-Site", "cross-site"),
            Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://other.localhost"),
            Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://127.0.0.1"));

    HttpResponse<String> send(Route route, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(route.path())))
                .header("Content-Type", route.contentType())
                .method(route.method(), HttpRequest.BodyPublishers.ofString(route.body()));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyForgedWriteIsRefusedAndChangesNothing() throws Exception {
        String cardBefore = app.get("/api/cards/1").body();
        String statsBefore = app.get("/api/stats").body();
        int refused = 0;
        for (Route route : WRITES) {
            for (Map<String, String> forgery : FORGERIES) {
                HttpResponse<String> response = send(route, forgery);
                assertEquals(403, response.statusCode(), route + " with " + forgery);
                assertTrue(response.body().contains("Refused"), response.body());
                refused++;
            }
        }
        assertEquals(WRITES.size() * FORGERIES.size(), refused);
        assertEquals(cardBefore, app.get("/api/cards/1").body());
        assertEquals(statsBefore, app.get("/api/stats").body());
        assertFalse(Files.exists(app.deck.resolve("forged.md")));
    }

    @Test
    void theSameOriginStillWorks() throws Exception {
        HttpResponse<String> response = send(
                WRITES.get(4), Map.of("Origin", app.url("").replaceAll("/$", ""), "Sec-Fetch-Site", "same-origin"));
        assertEquals(201, response.statusCode(), response.body());
    }
}
