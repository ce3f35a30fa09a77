package dev.gradientdeck.descent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.spec.*;
import dev.gradientdeck.descent.web.*;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces every PyTorch reference trajectory of {@code gd/reference-public.json} step by step:
 * loss, gradient, parameters before and after (and the full-data loss of mini-batch cases) within a
 * relative 1e-9 with an absolute floor of 1e-12, non-finite values at exactly the same step and
 * field, and the optimizer's worked arithmetic against torch's recorded state.
 */
public class ReferenceTrajectoriesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final double RELATIVE = 1e-9;
    static final double FLOOR = 1e-12;

    public static Stream<Arguments> cases() throws IOException {
        try (InputStream in = ReferenceTrajectoriesTest.class.getResourceAsStream("/gd/reference-public.json")) {
            JsonNode root = MAPPER.readTree(in);
            return StreamSupport.stream(root.get("cases").spliterator(), false)
                    .map(c -> Arguments.of(c.get("id").asText(), c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTorch(String id, JsonNode reference) {
        DescentRun run = DescentSpecs.fromJson(specFor(reference).toString()).run();

        assertEquals(MAPPER.convertValue(reference.get("param_names"), List.class), run.params());
        JsonNode firstNonFinite = reference.get("first_nonfinite");
        if (firstNonFinite == null || firstNonFinite.isNull()) {
            assertEquals(DescentRun.COMPLETED, run.status());
            assertNull(run.divergedAt());
            assertEquals(reference.get("n_steps").asInt(), run.steps().size());
        } else {
            assertEquals(DescentRun.DIVERGED, run.status());
            assertEquals(firstNonFinite.get("step").asInt(), run.divergedAt());
            assertEquals(firstNonFinite.get("step").asInt(), run.steps().size());
        }

        for (Step step : run.steps()) {
            JsonNode expected = reference.get("steps").get(step.t() - 1);
            String at = id + " step " + step.t();
            assertEquals(expected.get("t").asInt(), step.t());
            assertClose(numbers(expected.get("params_before")), step.paramsBefore(), at + " params_before");
            assertClose(List.of(number(expected.get("loss"))), List.of(step.loss()), at + " loss");
            assertClose(numbers(expected.get("grad")), step.gradient(), at + " grad");
            assertClose(numbers(expected.get("params_after")), step.paramsAfter(), at + " params_after");
            if (expected.has("full_loss")) {
                assertNotNull(step.fullLoss(), at + " full_loss missing");
                assertClose(List.of(number(expected.get("full_loss"))), List.of(step.fullLoss()), at + " full_loss");
                assertEquals(
                        MAPPER.convertValue(expected.get("batch_indices"), List.class), step.batch(), at + " batch");
            } else {
                assertNull(step.fullLoss(), at + " full_loss without batches");
            }
            assertWorkingMatchesState(expected.get("state_after"), step, at);
        }
    }

    /**
     * Each step's typed record holds torch's buffers (m, v, buf, sum) and the new p, not numbers of
     * its own.
     */
    private static void assertWorkingMatchesState(JsonNode state, Step step, String at) {
        for (int i = 0; i < step.paramsAfter().size(); i++) {
            Work work = step.working().get(i);
            assertClose(List.of(step.paramsAfter().get(i)), List.of(work.after()), at + " worked p");
            var names = state.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode value = state.get(name);
                Double held = held(work, name);
                if (held == null || value.isNull() || name.equals("step")) {
                    continue;
                }
                assertClose(List.of(number(value.get(i))), List.of(held), at + " worked " + name + "[" + i + "]");
            }
        }
    }

    /** The value of torch's state {@code name} in the step's record, or null when it has none. */
    private static Double held(Work work, String name) {
        if (work instanceof Adam.Work adam) {
            return switch (name) {
                case "exp_avg" -> adam.m();
                case "exp_avg_sq" -> adam.v();
                case "max_exp_avg_sq" -> adam.vMax();
                default -> null;
            };
        }
        if (work instanceof Sgd.Work sgd) {
            return name.equals("momentum_buffer") ? sgd.buffer() : null;
        }
        if (work instanceof Adagrad.Work adagrad) {
            return name.equals("sum") ? adagrad.sum() : null;
        }
        RmsProp.Work rms = (RmsProp.Work) work;
        return switch (name) {
            case "square_avg" -> rms.square();
            case "momentum_buffer" -> rms.buffer();
            case "grad_avg" -> rms.mean();
            default -> null;
        };
    }

    /**
     * The reference case as a spec in the app's own terms (DESIGN section 7), as the API would
     * receive it.
     */
    public static ObjectNode specFor(JsonNode reference) {
        ObjectNode spec = MAPPER.createObjectNode();
        JsonNode data = reference.get("data");
        switch (reference.get("problem").asText()) {
            case "linefit_ssr" -> lineFit(spec, data, "ssr");
            case "linefit_mse" -> lineFit(spec, data, "mse");
            case "linefit_minibatch_mse" -> {
                lineFit(spec, data, "mse");
                spec.set("batches", reference.get("batch_schedule"));
            }
            case "quad1d" -> spec.put("problem", "quadratic").set("constants", data);
            case "bowl2d" -> spec.put("problem", "bowl").set("constants", data);
            case "rosenbrock" -> spec.put("problem", "rosenbrock");
            case "himmelblau" -> spec.put("problem", "himmelblau");
            case "logreg_bce" -> {
                spec.put("problem", "logistic");
                ObjectNode columns = spec.putObject("data");
                ArrayNode x1 = columns.putArray("x1");
                ArrayNode x2 = columns.putArray("x2");
                data.get("X").forEach(row -> {
                    x1.add(row.get(0));
                    x2.add(row.get(1));
                });
                columns.set("y", data.get("y"));
            }
            default -> fail("unmapped problem " + reference.get("problem"));
        }
        ObjectNode start = spec.putObject("start");
        for (int i = 0; i < reference.get("param_names").size(); i++) {
            start.set(
                    reference.get("param_names").get(i).asText(),
                    reference.get("init").get(i));
        }
        spec.set("optimizer", optimizerFor(reference.get("optimizer")));
        spec.put("steps", reference.get("n_steps").asInt());
        return spec;
    }

    private static void lineFit(ObjectNode spec, JsonNode data, String loss) {
        spec.put("problem", "line-fit").put("loss", loss).set("data", data);
    }

    /**
     * torch's param group in DESIGN's names; a setting torch fixes by the optimizer's name must
     * have that value.
     */
    private static ObjectNode optimizerFor(JsonNode optimizer) {
        JsonNode group = optimizer.get("torch_param_group");
        String name = switch (optimizer.get("name").asText()) {
            case "SGD" -> "sgd";
            case "SGD_momentum" -> "momentum";
            case "SGD_nesterov" -> "nesterov";
            case "Adagrad" -> "adagrad";
            case "RMSprop" -> "rmsprop";
            case "Adam" -> "adam";
            case "AdamW" -> "adamw";
            default -> throw new AssertionError("unmapped optimizer " + optimizer.get("name"));
        };
        ObjectNode spec = MAPPER.createObjectNode().put("name", name);
        var fields = group.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "lr", "eps", "alpha", "centered", "amsgrad", "dampening" -> spec.set(field.getKey(), value);
                case "momentum" -> {
                    if (!name.equals("sgd")) {
                        spec.set("momentum", value);
                    }
                }
                case "weight_decay" -> spec.set("weightDecay", value);
                case "lr_decay" -> spec.set("lrDecay", value);
                case "initial_accumulator_value" -> spec.set("initialAccumulatorValue", value);
                case "betas" -> {
                    spec.set("beta1", value.get(0));
                    spec.set("beta2", value.get(1));
                }
                case "nesterov" -> assertEquals(name.equals("nesterov"), value.asBoolean(), "nesterov flag");
                case "maximize", "foreach", "differentiable", "capturable", "fused" ->
                    assertEquals(false, value.asBoolean());
                default -> fail("unmapped torch setting " + field.getKey());
            }
        }
        // SGD's momentum and dampening are fixed by the name: plain sgd has none, nesterov has no
        // dampening.
        if (name.equals("sgd")) {
            assertEquals(0, group.get("momentum").asDouble());
            assertEquals(0, spec.remove("dampening").asDouble());
        }
        if (name.equals("nesterov")) {
            assertEquals(0, spec.remove("dampening").asDouble());
        }
        return spec;
    }

    public static double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.textValue());
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(node -> values.add(number(node)));
        return values;
    }

    public static void assertClose(List<Double> expected, List<Double> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": length");
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            if (!Double.isFinite(e) || !Double.isFinite(a)) {
                assertEquals(e, a, what + "[" + i + "]: non-finite values must match exactly");
                continue;
            }
            double allowed = Math.max(RELATIVE * Math.abs(e), FLOOR);
            if (Math.abs(a - e) > allowed) {
                fail(what
                        + "["
                        + i
                        + "]: expected "
                        + e
                        + " but was "
                        + a
                        + " (off by "
                        + Math.abs(a - e)
                        + ", allowed "
                        + allowed
                        + ")");
            }
        }
    }
}
