package dev.gradientdeck.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mock interview API: questions without answers while it runs, one report at the end. */
class InterviewApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "interview-test-boundary";

    @TempDir
    Path dir;

    RunningApp app;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        Files.writeString(deck.resolve("learning-rate.md"), """
                # Learning rate
                #Tags: #Optimizers

                # Interview Question
                What does the learning rate control?

                # Answer
                It sets how large each step is; too large a rate makes the loss go up.

                # Key points
                - The learning rate sets how large each step is
                - Too large a rate makes the loss go up
                """);
        Files.writeString(deck.resolve("momentum.md"), """
                # Momentum
                #Tags: #Optimizers

                # Interview Question
                What does momentum add to gradient descent?

                # Answer
                A running average of past gradients, which smooths the steps.

                # Key points
                - Momentum keeps a running average of past gradients
                """);
        SharedSpeechModel.linkInto(dir);
        app = RunningApp.start(
                dir.resolve("cards"),
                dir.resolve("app.sqlite"),
                Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(app.url(path)))
                        .header("Content-Type", type)
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> answer(long interview, long card, Object answer) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cardId", card);
        fields.put("interviewId", interview);
        fields.put(answer instanceof byte[] ? "audio" : "text", answer);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                            + (value instanceof byte[] ? "; filename=\"a.wav\"\r\nContent-Type: audio/wav" : "")
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post("/api/practice/attempts", "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
    }

    private JsonNode interview(long id) throws Exception {
        HttpResponse<String> response = app.get("/api/interviews/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void nothingOfAnAnswerShowsUntilTheLastOneThenOneReport() throws Exception {
        HttpResponse<String> created = post(
                "/api/interviews",
                "application/json",
                "{\"questions\": 2, \"deck\": \"optimizers\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode started = JSON.readTree(created.body());
        long id = started.get("id").asLong();
        assertEquals(2, started.get("questions").size());
        assertFalse(created.body().contains("how large each step"), created.body());
        assertFalse(created.body().contains("running average"), created.body());

        JsonNode running = interview(id);
        assertEquals("in_progress", running.get("status").asText());
        assertTrue(running.get("report").isNull());

        // The interview picks its own order; the spoken answer belongs to the learning-rate question, the typed one to
        // momentum.
        long first = -1;
        long second = -1;
        for (JsonNode card : JSON.readTree(app.get("/api/cards?limit=all").body())) {
            if (card.get("slug").asText().endsWith("learning-rate"))
                first = card.get("id").asLong();
            if (card.get("slug").asText().endsWith("momentum"))
                second = card.get("id").asLong();
        }
        byte[] wav;
        try (InputStream in = InterviewApiTest.class.getResourceAsStream("/practice/learning-rate.wav")) {
            wav = in.readAllBytes();
        }
        HttpResponse<String> spoken = answer(id, first, wav);
        assertEquals(201, spoken.statusCode(), spoken.body());
        long attempt = JSON.readTree(spoken.body()).get("id").asLong();
        String whileRunning = app.get("/api/interviews/" + id).body()
                + app.get("/api/practice/attempts/" + attempt).body();
        assertFalse(whileRunning.contains("how large each step"), whileRunning);
        assertFalse(whileRunning.contains("loss go up"), whileRunning);
        assertEquals(
                409, app.get("/practice/attempts/" + attempt).statusCode(), "the answer page waits for the report");
        assertEquals(409, answer(id, first, "again").statusCode(), "a question is answered once");

        assertEquals(
                201,
                answer(id, second, "Momentum keeps a running average of past gradients.")
                        .statusCode());
        JsonNode done = interview(id);
        assertEquals("done", done.get("status").asText());
        JsonNode report = done.get("report");
        assertEquals(2, report.get("questions").size());
        JsonNode typed = report.get("questions").get(0).get("cardId").asLong() == second
                ? report.get("questions").get(0)
                : report.get("questions").get(1);
        assertEquals(second, typed.get("cardId").asLong());
        assertEquals(1.0, typed.get("coverage").asDouble(), 1e-9, typed.toString());
        assertTrue(typed.get("modelAnswer").asText().contains("running average"));
        assertEquals(3, typed.get("suggestedRating").asInt());
        assertEquals(409, answer(id, second, "more").statusCode(), "a finished interview takes no answers");

        assertEquals(404, app.get("/api/interviews/999").statusCode());
        assertEquals(
                400,
                post(
                                "/api/interviews",
                                "application/json",
                                "{\"questions\": \"five\"}".getBytes(StandardCharsets.UTF_8))
                        .statusCode());
        assertEquals(
                400,
                post("/api/interviews", "application/json", "{\"questions\": 0}".getBytes(StandardCharsets.UTF_8))
                        .statusCode());
        assertEquals(
                409,
                post(
                                "/api/interviews",
                                "application/json",
                                "{\"tag\": \"nothing-here\"}".getBytes(StandardCharsets.UTF_8))
                        .statusCode());
    }
}
