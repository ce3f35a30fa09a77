package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of every kind gets a clear 4xx, never a stack trace or a 500, and loses nothing. */
class BadInputTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.systemUTC());
        app.write("a.md", "# A\n# Question\nWhy?\n");
        app.send("POST", "/api/import", null);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    String error(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                !response.body().contains("Exception") && !response.body().contains("\tat "),
                "no stack trace: " + response.body());
        return JSON.readTree(response.body()).get("error").asText();
    }

    @Test
    void numbersThatAreNotRatings() throws Exception {
        for (String rating : new String[] {
            "NaN", "Infinity", "-Infinity", "3.5", "1e400", "\"NaN\"", "null", "true", "[3]", "{\"n\": 3}"
        }) {
            String message = error(app.send("POST", "/api/cards/1/reviews", "{\"rating\": " + rating + "}"), 400);
            // NaN and Infinity are not JSON numbers at all; the rest are JSON but not a rating.
            assertTrue(message.contains("rating") || message.contains("not valid JSON"), rating + ": " + message);
            assertTrue(!message.contains("JsonReadFeature"), message);
        }
        assertEquals(
                0, JSON.readTree(app.get("/api/cards/1").body()).get("reps").asInt());
    }

    @Test
    void malformedBodies() throws Exception {
        assertTrue(error(app.send("POST", "/api/cards/1/reviews", ""), 400).contains("empty"));
        assertTrue(
                error(app.send("POST", "/api/cards/1/reviews", "not json"), 400).contains("not valid JSON"));
        assertTrue(error(app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3, \"rating\": 4"), 400)
                .contains("not valid JSON"));
        assertTrue(error(app.send("POST", "/api/cards/1/reviews", "\"3\""), 400).contains("JSON object"));
    }

    @Test
    void aBodyOverOneMegabyteIsRefused() throws Exception {
        String huge = "{\"rating\": 3, \"requestId\": \"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> response = app.send("POST", "/api/cards/1/reviews", huge);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("1 MB"), response.body());
        assertEquals(
                0, JSON.readTree(app.get("/api/cards/1").body()).get("reps").asInt());
    }

    @Test
    void pathTraversalAndOddIdsAreNotFound() throws Exception {
        for (String path : new String[] {
            "/api/cards/..%2F..%2Fetc%2Fpasswd",
            "/api/cards/-1",
            "/api/cards/99999999999999999999",
            "/api/cards/1%00",
            "/cards/..%2f..%2fetc%2fpasswd",
            "/static/..%2f..%2fpom.xml",
            "/static/../../pom.xml"
        }) {
            HttpResponse<String> response = app.get(path);
            assertTrue(
                    response.statusCode() == 404 || response.statusCode() == 400,
                    path + " -> " + response.statusCode());
            assertTrue(
                    !response.body().contains("<artifactId>")
                            && !response.body().contains("root:"),
                    path + " leaked a file");
        }
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
        assertTrue(error(app.get("/api/nothing/here"), 404).contains("/api/nothing/here"));
        HttpResponse<String> page = app.get("/nothing/here");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("There is no page at /nothing/here."));
        HttpResponse<String> wrongMethod = app.send("PUT", "/api/cards/1", "{}");
        assertTrue(
                wrongMethod.statusCode() == 404 || wrongMethod.statusCode() == 405,
                "PUT -> " + wrongMethod.statusCode());
    }

    @Test
    void theNewCardFormRefusesBadFieldsAndKeepsWhatWasTyped() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/cards/new")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "title=Kept+title&deck=..%2F..&tags=a%3Cb&question=&fileName=..%2Fx"))
                .build();
        HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("value=\"Kept title\""));
        assertTrue(response.body().contains("The question is empty"));
        assertTrue(response.body().contains("A deck name uses letters"));
    }
}
