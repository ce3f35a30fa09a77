package dev.gradientdeck.descent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.descent.engine.*;
import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.spec.*;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/descent/run} against the real server: the engine's runs, torch's trajectories,
 * clear refusals.
 */
class DescentApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningApp.start(dir, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return app.send("POST", "/api/descent/run", body);
    }

    static JsonNode ok(String body) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void aRunIsExactlyTheEnginesRun() throws Exception {
        String spec = """
        {"problem": "line-fit", "loss": "mse", "data": {"x": [1, 2, 3, 4, 5], "y": [2, 4, 5, 4, 5]},
         "start": {"w": 0, "b": 0}, "optimizer": {"name": "adam", "lr": 0.1}, "steps": 40,
         "batches": [[0, 1], [2, 3], [4]]}
        """;
        DescentRun expected = (DescentSpecs.fromJson(spec)).run();
        JsonNode run = ok(spec);
        assertEquals(List.of("w", "b"), JSON.convertValue(run.get("params"), List.class));
        assertEquals("completed", run.get("status").asText());
        assertTrue(run.get("divergedAt").isNull());
        assertEquals(expected.steps().size(), run.get("steps").size());
        for (Step step : expected.steps()) {
            JsonNode got = run.get("steps").get(step.t() - 1);
            assertEquals(step.t(), got.get("t").asInt());
            assertEquals(
                    step.paramsBefore(), doubles(got.get("paramsBefore")), "bit for bit: the JSON round-trips doubles");
            assertEquals(step.loss(), got.get("loss").asDouble());
            assertEquals(step.gradient(), doubles(got.get("gradient")));
            assertEquals(step.paramsAfter(), doubles(got.get("paramsAfter")));
            assertEquals(step.fullLoss(), got.get("fullLoss").asDouble());
            assertEquals(List.of("t", "paramsBefore", "loss", "gradient", "paramsAfter", "fullLoss"), names(got));
        }
        assertTrue(
                ok("{\"problem\": \"rosenbrock\", \"start\": {\"x\": 0, \"y\": 0}, \"optimizer\": {\"name\": \"adam\"},"
                                + " \"steps\": 2}")
                        .get("steps")
                        .get(0)
                        .has("loss"));
        assertEquals(
                List.of("t", "paramsBefore", "loss", "gradient", "paramsAfter"),
                names(ok("{\"problem\": \"rosenbrock\","
                                + " \"start\": {\"x\": 0, \"y\": 0}, \"optimizer\": {\"name\": \"adam\"}, \"steps\": 2}")
                        .get("steps")
                        .get(0)),
                "fullLoss only with batches");
    }

    /**
     * Every PyTorch reference case, sent over HTTP as a client would, within 1e-9 of torch at every
     * step.
     */
    @Test
    void reproducesTorchsTrajectories() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/gd/reference-public.json")) {
            cases = JSON.readTree(in).get("cases");
        }
        int compared = 0;
        for (JsonNode reference : cases) {
            String id = reference.get("id").asText();
            JsonNode run = ok(ReferenceTrajectoriesTest.specFor(reference).toString());
            JsonNode expected = reference.get("steps");
            for (JsonNode step : run.get("steps")) {
                JsonNode torch = expected.get(step.get("t").asInt() - 1);
                String at = id + " step " + step.get("t");
                ReferenceTrajectoriesTest.assertClose(
                        doubles(torch.get("params_before")), doubles(step.get("paramsBefore")), at + " paramsBefore");
                ReferenceTrajectoriesTest.assertClose(
                        List.of(ReferenceTrajectoriesTest.number(torch.get("loss"))),
                        List.of(ReferenceTrajectoriesTest.number(step.get("loss"))),
                        at + " loss");
                ReferenceTrajectoriesTest.assertClose(
                        doubles(torch.get("grad")), doubles(step.get("gradient")), at + " grad");
                ReferenceTrajectoriesTest.assertClose(
                        doubles(torch.get("params_after")), doubles(step.get("paramsAfter")), at + " paramsAfter");
            }
            JsonNode firstNonFinite = reference.get("first_nonfinite");
            if (firstNonFinite != null && !firstNonFinite.isNull()) {
                assertEquals("diverged", run.get("status").asText(), id);
                assertEquals(
                        firstNonFinite.get("step").asInt(),
                        run.get("divergedAt").asInt(),
                        id);
            }
            compared++;
        }
        assertTrue(compared > 0 && compared == cases.size(), compared + " of " + cases.size() + " cases");
    }

    @Test
    void numbersThatAreNotFiniteAreStrings() throws Exception {
        JsonNode blowUp = ok("{\"problem\": \"rosenbrock\", \"start\": {\"x\": -1.5, \"y\": 2},"
                + " \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.01}, \"steps\": 50}");
        assertEquals("diverged", blowUp.get("status").asText());
        assertEquals(8, blowUp.get("divergedAt").asInt());
        assertEquals(8, blowUp.get("steps").size());
        assertEquals("Infinity", blowUp.get("steps").get(7).get("loss").textValue());

        JsonNode nan = ok("{\"problem\": \"expression\", \"expression\": \"sqrt(w)\", \"start\": {\"w\": -1},"
                + " \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, \"steps\": 3}");
        assertEquals("NaN", nan.get("steps").get(0).get("loss").textValue());
        assertEquals(1, nan.get("divergedAt").asInt());

        JsonNode negative = ok("{\"problem\": \"expression\", \"expression\": \"-exp(w)\", \"start\": {\"w\": 1000},"
                + " \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, \"steps\": 3}");
        assertEquals("-Infinity", negative.get("steps").get(0).get("loss").textValue());
        assertEquals(
                "-Infinity", negative.get("steps").get(0).get("gradient").get(0).textValue());
    }

    /**
     * Each mistake is a 400 whose error starts with the field, which the details name again (with
     * the line).
     */
    @Test
    void eachSpecErrorIsRefusedNamingItsField() throws Exception {
        String valid = "\"problem\": \"quadratic\", \"constants\": {\"a\": 1, \"c\": 3}, \"start\": {\"w\": 0}, "
                + "\"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, \"steps\": 5";
        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put("{" + valid + ", \"learningRate\": 0.1}", "learningRate");
        wrong.put("{" + valid.replace("\"lr\": 0.1", "\"lr\": -0.1") + "}", "optimizer.lr");
        wrong.put("{" + valid.replace("\"lr\": 0.1", "\"lr\": 0.1, \"beta1\": 0.9") + "}", "optimizer.beta1");
        wrong.put("{" + valid.replace("\"sgd\"", "\"lbfgs\"") + "}", "optimizer.name");
        wrong.put("{" + valid.replace("\"steps\": 5", "\"steps\": 0") + "}", "steps");
        wrong.put("{" + valid.replace("\"steps\": 5", "\"steps\": 2.5") + "}", "steps");
        wrong.put("{" + valid.replace("\"quadratic\"", "\"parabola\"") + "}", "problem");
        wrong.put("{" + valid.replace("{\"w\": 0}", "{\"x\": 0}") + "}", "start.x");
        wrong.put("{" + valid.replace("\"c\": 3", "\"c\": \"three\"") + "}", "constants.c");
        wrong.put("{" + valid + ", \"predict\": {\"steps\": 2, \"ask\": [\"hessian\"]}}", "predict.ask[0]");
        wrong.put("{" + valid + ", \"tolerance\": 2}", "tolerance");
        wrong.put("{" + valid + ", \"randomize\": {\"start.q\": [0, 1]}}", "randomize.start.q");
        wrong.put(
                "{\"problem\": \"line-fit\", \"data\": {\"x\": [1, 2], \"y\": [1]}, \"start\": {\"w\": 0, \"b\": 0},"
                        + " \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, \"steps\": 5}",
                "data.y");
        wrong.put(
                "{\"problem\": \"line-fit\", \"data\": {\"x\": [1, 2], \"y\": [1, 2]}, \"start\": {\"w\": 0, \"b\": 0},"
                        + " \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, \"steps\": 5, \"batches\": [[0, 7]]}",
                "batches[0][1]");
        for (var entry : wrong.entrySet()) {
            HttpResponse<String> response = post(entry.getKey());
            assertEquals(400, response.statusCode(), entry.getKey() + " -> " + response.body());
            JsonNode error = JSON.readTree(response.body());
            assertTrue(error.get("error").asText().startsWith(entry.getValue() + ": "), error.toString());
            assertEquals(
                    "field: " + entry.getValue(), error.get("details").get(0).asText(), error.toString());
            assertTrue(error.get("details").get(1).asText().startsWith("line: "), error.toString());
        }
    }

    @Test
    void bodiesThatAreNotSpecsAreRefused() throws Exception {
        JsonNode syntax = JSON.readTree(post("{\"problem\": ").body());
        assertTrue(syntax.get("error").asText().startsWith("JSON syntax error"), syntax.toString());
        assertEquals(400, post("").statusCode());
        assertTrue(JSON.readTree(post("  ").body()).get("error").asText().contains("the request body is empty"));
        assertEquals(400, post("[1, 2]").statusCode());
    }

    @Test
    void aBodyOverOneMegabyteIsRefused() throws Exception {
        String huge = "{\"problem\": \"quadratic\", \"padding\": \"" + "x".repeat(1_000_001) + "\"}";
        HttpResponse<String> declared = post(huge);
        assertEquals(413, declared.statusCode());
        assertTrue(JSON.readTree(declared.body()).get("error").asText().contains("over 1 MB"));

        // A chunked body declares no length; it is cut off at the limit all the same.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(app.url("/api/descent/run")))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build();
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode(), streamed.body());
    }

    @Test
    void theServerSaysHowLongTheRunTook() throws Exception {
        HttpResponse<String> response = post("{\"problem\": \"rosenbrock\", \"start\": {\"x\": -1.2, \"y\": 1},"
                + " \"optimizer\": {\"name\": \"adam\", \"lr\": 0.01}, \"steps\": 1000}");
        String timing = response.headers().firstValue("Server-Timing").orElse(null);
        assertNotNull(timing);
        assertTrue(timing.matches("run;dur=\\d+\\.\\d{3}"), timing);
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(node -> values.add(ReferenceTrajectoriesTest.number(node)));
        return values;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
