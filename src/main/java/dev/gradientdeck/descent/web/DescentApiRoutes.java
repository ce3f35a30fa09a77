package dev.gradientdeck.descent.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.SpecException;
import dev.gradientdeck.descent.exercise.Exercise;
import dev.gradientdeck.descent.exercise.Exercise.Item;
import dev.gradientdeck.descent.exercise.Grade;
import dev.gradientdeck.descent.spec.DescentSpecs;
import dev.gradientdeck.descent.spec.ValidSpec;
import dev.gradientdeck.web.BadRequest;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stateless descent API: {@code POST /api/descent/run} (a spec in, its run out) and {@code
 * POST /api/descent/grade} (a spec, a step and answers in, each answer graded by the same rule as
 * the exercise pages). Every refusal is a 400 that names the field, in the words of the spec's
 * checks, never a library's.
 */
final class DescentApiRoutes {
    /** The API's body limit, the same as the server's limit on any request. */
    static final int MAX_BODY = 1_000_000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DescentApiRoutes() {}

    /**
     * A spec in, its run out. The body is read up to the limit whatever Content-Length says (a
     * chunked body has none). Server-Timing reports the time spent here, from reading the body to
     * the written JSON.
     */
    static void run(Context ctx) throws IOException {
        long started = System.nanoTime();
        String text = body(ctx);
        if (text.isBlank()) {
            throw new BadRequest("the request body is empty; send a spec such as {\"problem\": \"quadratic\", "
                    + "\"constants\": {\"a\": 1, \"c\": 3}, \"start\": {\"w\": 0}, \"optimizer\": {\"name\": \"sgd\", \"lr\": 0.1}, "
                    + "\"steps\": 10}");
        }
        DescentRun run;
        try {
            run = DescentSpecs.fromJson(text).run();
        } catch (SpecException e) {
            List<String> details = new ArrayList<>();
            if (!e.field().isEmpty()) {
                details.add("field: " + e.field());
            }
            e.line().ifPresent(line -> details.add("line: " + line));
            throw new BadRequest(e.getMessage(), details);
        }
        byte[] json = RunJson.of(run);
        ctx.header(
                "Server-Timing",
                "run;dur=" + String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e6));
        ctx.contentType("application/json").result(json);
    }

    private static io.javalin.http.HttpResponseException tooLarge() {
        return new io.javalin.http.HttpResponseException(
                HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "The request body is over 1 MB (" + MAX_BODY + " bytes); a spec must be smaller.");
    }

    /**
     * {@code {"spec": {...}, "t": 1, "answers": {"params.x": 2.97, "direction": "down"}}} in;
     * {@code {"t": 1, "grades": {"params.x": {"correct": true, "truth": 2.97, "error": 0.0,
     * "allowed": 0.0006, "against": "the step"}}}} out.
     */
    static void grade(Context ctx) throws IOException {
        String text = body(ctx);
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the request body is not valid JSON"
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ")")
                    + "; send {\"spec\": {...}, \"t\": 1, \"answers\": {\"params.x\": 2.97}}");
        }
        if (request == null || !request.isObject()) {
            throw new BadRequest("the request body must be a JSON object with spec, t and answers");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("spec", "t", "answers").contains(name)) {
                throw new BadRequest(
                        name + ": unknown field; the fields are spec, t and answers", List.of("field: " + name));
            }
        }
        JsonNode specNode = request.get("spec");
        if (specNode == null || !specNode.isObject()) {
            throw new BadRequest(
                    "spec: " + (specNode == null ? "missing" : "must be an object")
                            + "; the simulation to grade against",
                    List.of("field: spec"));
        }
        ValidSpec spec;
        try {
            spec = DescentSpecs.fromJson(specNode.toString());
        } catch (SpecException e) {
            String field = e.field().isEmpty() ? "spec" : "spec." + e.field();
            throw new BadRequest(
                    "spec" + (e.field().isEmpty() ? ": " : ".") + e.getMessage(), List.of("field: " + field));
        }
        JsonNode tNode = request.get("t");
        if (tNode == null || !tNode.canConvertToInt() || !tNode.isIntegralNumber()) {
            throw new BadRequest(
                    "t: " + (tNode == null ? "missing" : "must be a whole number") + "; the step to grade, from 1",
                    List.of("field: t"));
        }
        int t = tNode.intValue();
        Exercise exercise = Exercise.of(spec, List.of(), 0);
        int steps = exercise.run().steps().size();
        if (t < 1 || t > steps) {
            throw new BadRequest(
                    "t: step " + t + " is beyond the run, which has steps 1 to " + steps
                            + (exercise.run().diverged() ? " (it diverged at step " + steps + ")" : ""),
                    List.of("field: t"));
        }
        JsonNode answers = request.get("answers");
        if (answers == null || !answers.isObject()) {
            throw new BadRequest(
                    "answers: " + (answers == null ? "missing" : "must be an object")
                            + " of quantity to answer, such as {\"params.x\": 2.97}",
                    List.of("field: answers"));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("t", t);
        ObjectNode grades = out.putObject("grades");
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> answer = it.next();
            String field = "answers." + answer.getKey();
            Item item;
            try {
                item = exercise.item(t, answer.getKey());
            } catch (IllegalArgumentException e) {
                throw new BadRequest(field + ": " + e.getMessage(), List.of("field: " + field));
            }
            ObjectNode graded = grades.putObject(answer.getKey());
            if (item.quantity().equals(Exercise.DIRECTION)) {
                String typed = answer.getValue().isTextual()
                        ? answer.getValue().textValue().strip().toLowerCase(Locale.ROOT)
                        : "";
                if (!List.of("up", "down").contains(typed)) {
                    throw new BadRequest(field + ": must be \"up\" or \"down\"", List.of("field: " + field));
                }
                graded.put("correct", exercise.gradeDirection(t, typed));
                graded.put("truth", exercise.truthText(item));
                continue;
            }
            if (!answer.getValue().isNumber()) {
                throw new BadRequest(field + ": must be a number", List.of("field: " + field));
            }
            Grade grade = exercise.grade(item, answer.getValue().doubleValue());
            graded.put("correct", grade.correct());
            number(graded, "truth", grade.truth());
            number(graded, "error", grade.error());
            number(graded, "allowed", grade.allowed());
            graded.put("against", grade.against());
        }
        ctx.contentType("application/json").result(JSON.writeValueAsBytes(out));
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    /** The body, read up to the limit whatever Content-Length says (a chunked body has none). */
    private static String body(Context ctx) throws IOException {
        if (ctx.contentLength() > MAX_BODY) {
            throw tooLarge();
        }
        byte[] body = ctx.bodyInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
