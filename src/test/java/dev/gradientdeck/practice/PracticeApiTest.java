package dev.gradientdeck.practice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.practice.speech.WavAudio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice API over a running app: uploads, their limits, transcription, rating and the
 * checklist.
 */
class PracticeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 03:30 UTC, before the 04:00 day start: the learner's day is still the 9th. */
    private static final Instant NOW = Instant.parse("2026-03-10T03:30:00Z");

    private static final String BOUNDARY = "practice-test-boundary";

    @TempDir
    Path dir;

    RunningApp app;
    long cardId;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/optimizers"));
        Files.writeString(deck.resolve("learning-rate.md"), """
        # Learning rate
        #Tags: #Optimizers #Interview

        # Interview Question
        What does the learning rate control?

        # Answer
        It sets how large each step is; too large a rate makes the loss go up.

        # Key points
        - The learning rate sets how large each step is
        - Too large a rate makes the loss go up
        - Momentum averages past gradients
        """);
        SharedSpeechModel.linkInto(dir);
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.fixed(NOW, ZoneOffset.UTC));
        cardId = JSON.readTree(app.get("/api/cards").body()).get(0).get("id").asLong();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PracticeApiTest.class.getResourceAsStream("/practice/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A multipart body: String values are plain fields, byte[] values files. */
    private static byte[] multipart(Map<String, Object> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            String head = "--"
                    + BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\""
                    + (value instanceof byte[] ? "; filename=\"answer.wav\"\r\nContent-Type: audio/wav" : "")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(
                    value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> upload(Map<String, Object> fields) throws Exception {
        return post("/api/practice/attempts", "multipart/form-data; boundary=" + BOUNDARY, multipart(fields));
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> ranged(long id, String range) throws Exception {
        HttpClient quick = HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .build();
        return quick.send(
                HttpRequest.newBuilder(URI.create(app.url("/practice/attempts/" + id + "/audio")))
                        .header("Range", range)
                        .timeout(java.time.Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Issue 12, item 8: a range past the end pinned a core; malformed ranges answered 500. */
    @Test
    void rangesOfARecordingAreServedOrRefusedNeverHung() throws Exception {
        byte[] wav = fixture("learning-rate.wav");
        long id = JSON.readTree(upload(fields("cardId", cardId, "audio", wav)).body())
                .get("id")
                .asLong();
        int size = wav.length;

        HttpResponse<byte[]> first = ranged(id, "bytes=4-11");
        assertEquals(206, first.statusCode());
        assertEquals(
                "bytes 4-11/" + size,
                first.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(wav, 4, 12), first.body());

        HttpResponse<byte[]> tail = ranged(id, "bytes=-10");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(wav, size - 10, size), tail.body());

        HttpResponse<byte[]> open = ranged(id, "bytes=" + (size - 3) + "-");
        assertEquals(206, open.statusCode());
        assertEquals(3, open.body().length);

        HttpResponse<byte[]> clipped = ranged(id, "bytes=0-" + (size + 1000));
        assertEquals(206, clipped.statusCode());
        assertEquals(size, clipped.body().length);

        for (String unsatisfiable :
                List.of("bytes=" + size + "-", "bytes=" + (size + 5000) + "-" + (size + 6000), "bytes=-0")) {
            HttpResponse<byte[]> refused = ranged(id, unsatisfiable);
            assertEquals(416, refused.statusCode(), unsatisfiable);
            assertEquals(
                    "bytes */" + size,
                    refused.headers().firstValue("Content-Range").orElse(""),
                    unsatisfiable);
        }
        for (String malformed :
                List.of("bytes=abc", "bytes=5-2", "items=0-3", "bytes=--1", "bytes=99999999999999999999-")) {
            int status = ranged(id, malformed).statusCode();
            assertTrue(status == 416 || status == 400, malformed + " answered " + status);
        }
        // The server is still free for other requests afterwards.
        assertEquals(200, app.get("/api/practice/attempts/" + id).statusCode());
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static void assertRefused(int status, String message, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        String error = JSON.readTree(response.body()).get("error").asText();
        assertTrue(error.contains(message), "'" + error + "' should say '" + message + "'");
    }

    private JsonNode attempt(long id) throws Exception {
        HttpResponse<String> response = app.get("/api/practice/attempts/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private JsonNode awaitTranscript(long id) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode attempt = attempt(id);
        while (List.of("queued", "transcribing").contains(attempt.get("status").asText())
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
            attempt = attempt(id);
        }
        return attempt;
    }

    @Test
    void badUploadsAreRefusedWithClearMessagesAndNothingIsStored() throws Exception {
        byte[] wav = fixture("learning-rate.wav");

        assertRefused(
                400,
                "multipart/form-data",
                post("/api/practice/attempts", "application/json", "{\"cardId\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertRefused(400, "cardId is missing", upload(fields("audio", wav)));
        assertRefused(400, "cardId must be a whole number, not 'adam'", upload(fields("cardId", "adam", "audio", wav)));
        assertRefused(400, "The answer is missing", upload(fields("cardId", cardId)));
        assertRefused(400, "not both", upload(fields("cardId", cardId, "audio", wav, "text", "It sets the step.")));
        assertRefused(400, "Unknown field(s): rating", upload(fields("cardId", cardId, "text", "x", "rating", "3")));
        assertRefused(400, "The typed answer is empty", upload(fields("cardId", cardId, "text", "  \n ")));
        assertRefused(404, "There is no card 999.", upload(fields("cardId", 999, "audio", wav)));

        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0, 0, 0, 0, 0};
        assertRefused(415, "Not a WAV file (it looks like WebM)", upload(fields("cardId", cardId, "audio", webm)));
        assertRefused(
                415,
                "Not a WAV file",
                upload(fields("cardId", cardId, "audio", "just some text".getBytes(StandardCharsets.UTF_8))));
        assertRefused(415, "the upload is empty", upload(fields("cardId", cardId, "audio", new byte[0])));

        byte[] huge = new byte[WavAudio.MAX_BYTES + 1];
        System.arraycopy(wav, 0, huge, 0, 44);
        assertRefused(413, "too large", upload(fields("cardId", cardId, "audio", huge)));
        assertRefused(413, "the limit is 20 MB", upload(fields("cardId", cardId, "audio", huge)));

        assertEquals(404, app.get("/api/practice/attempts/1").statusCode());
        assertFalse(
                Files.exists(dir.resolve("recordings")) && hasFiles(dir.resolve("recordings")), "no recording kept");
        assertTrue(app.get("/practice/history").body().contains("No answers yet"));
    }

    @Test
    void otherRequestBodiesKeepTheOneMegabyteLimit() throws Exception {
        String padding = "x".repeat(1_100_000);
        HttpResponse<String> response = post(
                "/api/cards/" + cardId + "/reviews",
                "application/json",
                ("{\"rating\": 3, \"requestId\": \"" + padding + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(413, response.statusCode());
    }

    private static boolean hasFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isPresent();
        }
    }

    @Test
    void aSpokenAnswerIsTranscribedMeasuredCheckedAndRated() throws Exception {
        byte[] wav = fixture("learning-rate.wav");
        HttpResponse<String> created = upload(fields("cardId", cardId, "audio", wav));
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertEquals("queued", JSON.readTree(created.body()).get("status").asText());

        JsonNode attempt = awaitTranscript(id);

        assertEquals("done", attempt.get("status").asText(), attempt.toString());
        String transcript = attempt.get("transcript").asText();
        for (String said : List.of("learning rate", "each step", "too large")) {
            assertTrue(transcript.contains(said), "'" + transcript + "' should contain '" + said + "'");
        }
        assertEquals(
                WavAudio.parse(wav).durationSeconds(),
                attempt.get("durationSeconds").asDouble(),
                1e-9);
        double wpm = attempt.get("wordsPerMinute").asDouble();
        assertTrue(wpm > 100 && wpm < 300, "espeak speaks at about 160-230 wpm: " + wpm);
        assertEquals(0, attempt.get("fillerCount").asInt());
        assertTrue(attempt.get("fillers").isArray());
        assertTrue(attempt.get("longestPauseSeconds").asDouble() < 1);
        assertEquals("2026-03-09", attempt.get("dayKey").asText(), "03:30 belongs to the day before a 04:00 start");
        JsonNode coverage = attempt.get("coverage");
        assertEquals(
                "The learning rate sets how large each step is",
                coverage.get(0).get("point").asText());
        assertTrue(coverage.get(0).get("covered").asBoolean());
        assertFalse(coverage.get(2).get("covered").asBoolean(), "momentum was never mentioned");

        HttpResponse<byte[]> audio = http.send(
                HttpRequest.newBuilder(URI.create(app.url("/practice/attempts/" + id + "/audio")))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, audio.statusCode());
        assertEquals("audio/wav", audio.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(wav, audio.body());
        HttpResponse<byte[]> range = http.send(
                HttpRequest.newBuilder(URI.create(app.url("/practice/attempts/" + id + "/audio")))
                        .header("Range", "bytes=0-3")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode(), "the player can seek");
        assertEquals(1, Files.list(dir.resolve("recordings")).count());

        assertEquals(
                303, form("/practice/attempts/" + id + "/coverage", "covered=2").statusCode());
        JsonNode checked = attempt(id).get("coverage");
        assertEquals(
                List.of(false, false, true),
                List.of(
                        checked.get(0).get("covered").asBoolean(),
                        checked.get(1).get("covered").asBoolean(),
                        checked.get(2).get("covered").asBoolean()));
        assertTrue(checked.get(0).get("suggested").asBoolean(), "the suggestion is kept beside the learner's call");
        assertRefused(
                400,
                "There is no key point 7",
                post(
                        "/practice/attempts/" + id + "/coverage",
                        "application/x-www-form-urlencoded",
                        "covered=7".getBytes(StandardCharsets.UTF_8)));

        assertEquals(
                303, form("/practice/attempts/" + id + "/rating", "rating=3").statusCode());
        assertEquals(3, attempt(id).get("rating").asInt());
        JsonNode card = JSON.readTree(app.get("/api/cards/" + cardId).body());
        assertEquals(1, card.get("reps").asInt(), "the rating went to the scheduler: " + card);
        assertEquals(
                303, form("/practice/attempts/" + id + "/rating", "rating=3").statusCode(), "a repeat is harmless");
        assertRefused(
                409,
                "already rated Good",
                post(
                        "/practice/attempts/" + id + "/rating",
                        "application/x-www-form-urlencoded",
                        "rating=4".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                1,
                JSON.readTree(app.get("/api/cards/" + cardId).body())
                        .get("reps")
                        .asInt());

        String history = app.get("/practice/history?card=" + cardId).body();
        assertTrue(history.contains("/practice/attempts/" + id + "/audio"), "history plays the recording back");
        assertTrue(history.contains("1 answer on 1 day"));
    }

    @Test
    void aTypedAnswerIsMeasuredAtOnceWithoutTimings() throws Exception {
        HttpResponse<String> created = upload(
                fields(
                        "cardId",
                        cardId,
                        "text",
                        "Um, the learning rate sets how large each step is, and, like, too large a rate makes the loss go up."));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = JSON.readTree(created.body());
        assertEquals("done", body.get("status").asText());

        JsonNode attempt = attempt(body.get("id").asLong());
        assertEquals("typed", attempt.get("mode").asText());
        assertTrue(attempt.get("wordsPerMinute").isNull());
        assertTrue(attempt.get("durationSeconds").isNull());
        assertTrue(attempt.get("longestPauseSeconds").isNull());
        assertTrue(attempt.get("audioUrl").isNull());
        assertEquals(2, attempt.get("fillerCount").asInt());
        assertEquals("um", attempt.get("fillers").get(0).get("text").asText());
        assertTrue(attempt.get("fillers").get(0).get("start").isNull(), "typed text has no timings");
        JsonNode coverage = attempt.get("coverage");
        assertTrue(coverage.get(0).get("covered").asBoolean());
        assertTrue(coverage.get(1).get("covered").asBoolean());
        assertFalse(coverage.get(2).get("covered").asBoolean());
        assertEquals(
                404,
                app.get("/practice/attempts/" + body.get("id").asLong() + "/audio")
                        .statusCode());
    }

    @Test
    void anAnswerInOtherWordsCoversThePointsShowsWhatWasHeardAndTheLearnerHasTheLastWord() throws Exception {
        HttpResponse<String> created = upload(fields(
                "cardId", cardId, "text", "The lr decides how big every update is; a huge lr makes the cost explode."));
        long id = JSON.readTree(created.body()).get("id").asLong();
        JsonNode coverage = attempt(id).get("coverage");
        assertTrue(coverage.get(0).get("covered").asBoolean(), "lr / big / update: " + coverage);
        assertEquals(
                "[\"lr\",\"big\",\"update\"]",
                coverage.get(0).get("matchedWords").toString());
        assertTrue(coverage.get(1).get("covered").asBoolean(), "huge / cost: " + coverage);
        assertFalse(coverage.get(2).get("covered").asBoolean(), "momentum was never mentioned");
        assertTrue(
                app.get("/practice/attempts/" + id).body().contains("heard: lr, big, update"),
                "the result page shows the words that made the point");

        assertEquals(
                303,
                form("/practice/attempts/" + id + "/coverage", "covered=1&covered=2")
                        .statusCode());
        JsonNode checked = attempt(id).get("coverage");
        assertEquals(
                List.of(false, true, true),
                List.of(
                        checked.get(0).get("covered").asBoolean(),
                        checked.get(1).get("covered").asBoolean(),
                        checked.get(2).get("covered").asBoolean()),
                "the learner's ticks stand over the check's");
        assertTrue(checked.get(0).get("suggested").asBoolean());
    }

    @Test
    void unknownAttemptsAreClear404s() throws Exception {
        assertRefused(404, "There is no practice attempt 42.", app.get("/api/practice/attempts/42"));
        assertRefused(404, "attempt ids are numbers", app.get("/api/practice/attempts/abc"));
    }
}
