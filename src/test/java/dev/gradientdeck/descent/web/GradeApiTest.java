package dev.gradientdeck.descent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/descent/grade} against the real server: the exercise's grading rule, statelessly. */
class GradeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOWL =
            "{\"problem\": \"bowl\", \"constants\": {\"a\": 1, \"b\": 2}, \"start\": {\"x\": 3, \"y\": 1},"
                    + " \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.01}, \"steps\": 5}";

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

    private static HttpResponse<String> post(String body) throws Exception {
        return app.send("POST", "/api/descent/grade", body);
    }

    @Test
    void eachAnswerIsGradedOnWhatTheStepDoes() throws Exception {
        // x = 3, ∂L/∂x = a·x = 3, x after = 3 − 0.01·3 = 2.97; y = 1, ∂L/∂y = 2, y after = 0.98.
        HttpResponse<String> response =
                post("{\"spec\": " + BOWL + ", \"t\": 1, \"answers\": {\"gradient.x\": 3, \"params.x\": 2.97,"
                        + " \"params.y\": 1, \"loss\": 5.37, \"direction\": \"down\"}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(1, body.get("t").asInt());
        JsonNode x = body.get("grades").get("params.x");
        assertTrue(x.get("correct").asBoolean());
        assertEquals(2.97, x.get("truth").asDouble(), 1e-15);
        assertEquals(0.0006, x.get("allowed").asDouble(), 1e-12, "2% of the step 0.03");
        assertEquals("the step", x.get("against").asText());
        assertFalse(body.get("grades").get("params.y").get("correct").asBoolean(), "no move is wrong");
        assertTrue(body.get("grades").get("gradient.x").get("correct").asBoolean());
        // Loss after: 0.5·(2.97² + 2·0.98²) = 5.37085.
        assertTrue(body.get("grades").get("loss").get("correct").asBoolean(), body.toString());
        assertTrue(body.get("grades").get("direction").get("correct").asBoolean());
        assertEquals("down", body.get("grades").get("direction").get("truth").asText());
    }

    @Test
    void theSameAnswersGradeTheSameOnAnyStep() throws Exception {
        HttpResponse<String> response =
                post("{\"spec\": " + BOWL + ", \"t\": 2, \"answers\": {\"direction\": \"up\"}}");
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(JSON.readTree(response.body())
                .get("grades")
                .get("direction")
                .get("correct")
                .asBoolean());
    }

    @Test
    void refusalsNameTheFieldNeverALibrary() throws Exception {
        assertRefused(
                "{\"spec\": " + BOWL + ", \"t\": 1, \"answers\": {\"params.z\": 1}}",
                "answers.params.z: unknown quantity 'params.z'");
        assertRefused("{\"spec\": " + BOWL + ", \"t\": 6, \"answers\": {\"loss\": 1}}", "t: step 6 is beyond the run");
        assertRefused("{\"spec\": " + BOWL + ", \"t\": 0, \"answers\": {\"loss\": 1}}", "t: step 0 is beyond the run");
        assertRefused(
                "{\"spec\": " + BOWL.replace("\"lr\": 0.01", "\"lr\": \"fast\"") + ", \"t\": 1, \"answers\": {}}",
                "spec.optimizer.lr: must be a number");
        assertRefused(
                "{\"spec\": " + BOWL + ", \"t\": 1, \"answers\": {\"loss\": \"big\"}}",
                "answers.loss: must be a number");
        assertRefused(
                "{\"spec\": " + BOWL + ", \"t\": 1, \"answers\": {\"direction\": \"sideways\"}}",
                "answers.direction: must be \\\"up\\\" or \\\"down\\\"");
        assertRefused("{\"spec\": " + BOWL + ", \"t\": \"one\", \"answers\": {}}", "t: must be a whole number");
        assertRefused("{\"spec\": " + BOWL + ", \"t\": 1, \"answers\": {}, \"extra\": 1}", "extra: unknown field");
        assertRefused("{\"spec\": " + BOWL, "not valid JSON");
    }

    private static void assertRefused(String body, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
        for (String library : new String[] {"com.fasterxml", "Jackson", "java.lang", "Exception"}) {
            assertFalse(response.body().contains(library), response.body());
        }
    }
}
