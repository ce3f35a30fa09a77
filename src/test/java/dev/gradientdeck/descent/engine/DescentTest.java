package dev.gradientdeck.descent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.spec.*;
import dev.gradientdeck.descent.web.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DescentTest {

    private static final String DATA_A = "data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}\n";

    private static DescentRun run(String yaml) {
        return (DescentSpecs.fromYaml(yaml)).run();
    }

    /** A value of a step's typed record by the name the worked lines give it. */
    private static double quantity(Step step, int param, String name) {
        Work work = step.working().get(param);
        if (name.equals("p")) {
            return work.after();
        }
        Double value = null;
        if (work instanceof Sgd.Work w) {
            value = switch (name) {
                case "g" -> w.g();
                case "g_decayed" -> w.decayed();
                case "buf_prev" -> w.bufferBefore();
                case "buf" -> w.buffer();
                case "d" -> w.direction();
                case "step" -> w.step();
                default -> null;
            };
        } else if (work instanceof Adagrad.Work w) {
            value = switch (name) {
                case "g" -> w.g();
                case "g_decayed" -> w.decayed();
                case "sum_prev" -> w.sumBefore();
                case "sum" -> w.sum();
                case "lr_t" -> w.rate();
                case "denom" -> w.denominator();
                case "step" -> w.step();
                default -> null;
            };
        } else if (work instanceof RmsProp.Work w) {
            value = switch (name) {
                case "g" -> w.g();
                case "g_decayed" -> w.decayed();
                case "v_prev" -> w.squareBefore();
                case "v" -> w.square();
                case "g_avg" -> w.mean();
                case "denom" -> w.denominator();
                case "buf" -> w.buffer();
                case "step" -> w.step();
                default -> null;
            };
        } else if (work instanceof Adam.Work w) {
            value = switch (name) {
                case "g" -> w.g();
                case "g_decayed" -> w.decayedGradient();
                case "p_decayed" -> w.decayedParam();
                case "m_prev" -> w.mBefore();
                case "m" -> w.m();
                case "v_prev" -> w.vBefore();
                case "v" -> w.v();
                case "v_max" -> w.vMax();
                case "m_hat" -> w.mHat();
                case "v_hat" -> w.vHat();
                case "step" -> w.step();
                default -> null;
            };
        }
        if (value == null) {
            throw new AssertionError("no " + name + " in " + work);
        }
        return value;
    }

    // ---- divergence, at the steps of gd/CONVENTIONS.md section 5 (torch's first infinite loss)
    // ----

    @Test
    void rosenbrockSgdBlowsUpAtStep8() {
        DescentRun run =
                run("problem: rosenbrock\nstart: {x: -1.5, y: 2}\noptimizer: {name: sgd, lr: 0.01}\nsteps: 50\n");
        assertDivergedWithInfiniteLossAt(run, 8);
    }

    @Test
    void himmelblauSgdBlowsUpAtStep9() {
        DescentRun run =
                run("problem: himmelblau\nstart: {x: -1, y: -1}\noptimizer: {name: sgd, lr: 0.05}\nsteps: 50\n");
        assertDivergedWithInfiniteLossAt(run, 9);
    }

    @Test
    void lineFitSsrWithHugeLrBlowsUpAtStep23() {
        DescentRun run = run("problem: line-fit\nloss: ssr\n"
                + DATA_A
                + "start: {w: 0, b: 0}\noptimizer: {name: sgd, lr: 1e5}\nsteps: 50\n");
        assertDivergedWithInfiniteLossAt(run, 23);
    }

    private static void assertDivergedWithInfiniteLossAt(DescentRun run, int t) {
        assertEquals("diverged", run.status());
        assertTrue(run.diverged());
        assertEquals(t, run.divergedAt());
        assertEquals(t, run.steps().size(), "the diverging step is the last one reported");
        assertEquals(Double.POSITIVE_INFINITY, run.steps().get(t - 1).loss());
        run.steps()
                .subList(0, t - 1)
                .forEach(step -> assertTrue(step.stayedFinite(), "step " + step.t() + " is finite"));
    }

    @Test
    void aCompletedRunHasNoDivergedStep() {
        DescentRun run = run("problem: quadratic\nconstants: {a: 1, c: 3}\nstart: {w: 0}\n"
                + "optimizer: {name: sgd, lr: 0.25}\nsteps: 4\n");
        assertEquals("completed", run.status());
        assertNull(run.divergedAt());
        assertEquals(
                List.of(0.0, 1.5, 2.25, 2.625),
                run.steps().stream().map(s -> s.paramsBefore().get(0)).toList());
        assertEquals(9.0, run.steps().get(0).loss());
        assertEquals(-6.0, run.steps().get(0).gradient().get(0));
    }

    // ---- worked arithmetic ----

    @Test
    void adamShowsEachTermOfItsFirstStep() {
        DescentRun run = run(
                "problem: line-fit\n" + DATA_A + "start: {w: 0, b: 0}\noptimizer: {name: adam, lr: 0.1}\nsteps: 1\n");
        Step step = run.steps().get(0);
        // m = 0.9·0 + 0.1·(−26.4) = −2.64; v = 0.999·0 + 0.001·26.4² = 0.69696
        assertEquals(-26.4, quantity(step, 0, "g"), 1e-12);
        assertEquals(0.0, quantity(step, 0, "m_prev"));
        assertEquals(-2.64, quantity(step, 0, "m"), 1e-12);
        assertEquals(0.69696, quantity(step, 0, "v"), 1e-12);
        assertEquals(-26.4, quantity(step, 0, "m_hat"), 1e-9);
        assertEquals(696.96, quantity(step, 0, "v_hat"), 1e-9);
        // The first Adam step is about lr·sign(g).
        assertEquals(-0.1, quantity(step, 0, "step"), 1e-9);
        assertEquals(0.1, quantity(step, 0, "p"), 1e-9);
    }

    @Test
    void sgdShowsGradientStepAndNewValue() {
        Step step = run("problem: line-fit\n"
                        + DATA_A
                        + "start: {w: 0, b: 0}\noptimizer: {name: sgd, lr: 0.01}\nsteps: 1\n")
                .steps()
                .get(0);
        assertEquals(-0.264, quantity(step, 0, "step"), 1e-15);
        assertEquals(0.264, quantity(step, 0, "p"), 1e-15);
    }

    @Test
    void momentumStartsItsBufferAtTheGradientIgnoringDampening() {
        DescentRun run = run("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\n"
                + "optimizer: {name: momentum, lr: 0.1, momentum: 0.9, dampening: 0.5}\nsteps: 2\n");
        Step first = run.steps().get(0);
        Step second = run.steps().get(1);
        assertEquals(2.0, quantity(first, 0, "buf"));
        assertEquals(0.8, quantity(first, 0, "p"), 1e-15);
        // buf = 0.9·2 + (1 − 0.5)·1.6 = 2.6; p = 0.8 − 0.1·2.6
        assertEquals(2.6, quantity(second, 0, "buf"), 1e-15);
        assertEquals(0.54, quantity(second, 0, "p"), 1e-15);
    }

    @Test
    void amsgradAndCenteredAndDecayShowTheirExtraTerms() {
        Step adamw = run("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\n"
                        + "optimizer: {name: adamw, lr: 0.1, amsgrad: true}\nsteps: 1\n")
                .steps()
                .get(0);
        assertEquals(1 - 0.1 * 0.01, quantity(adamw, 0, "p_decayed"), 1e-15);

        Step rms = run("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\n"
                        + "optimizer: {name: rmsprop, centered: true, momentum: 0.5, weightDecay: 0.1}\nsteps: 1\n")
                .steps()
                .get(0);
        // g = 2 + 0.1·1; v = 0.01·g²; g_avg = 0.01·g; denom = √(v − g_avg²) + 1e-8
        assertEquals(2.1, quantity(rms, 0, "g_decayed"), 1e-15);
        assertEquals(Math.sqrt(0.01 * 2.1 * 2.1 - 0.021 * 0.021) + 1e-8, quantity(rms, 0, "denom"), 1e-12);

        Step adagrad = run("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\n"
                        + "optimizer: {name: adagrad, lr: 0.5, lrDecay: 0.1, initialAccumulatorValue: 1}\nsteps: 2\n")
                .steps()
                .get(1);
        assertEquals(0.5 / 1.1, quantity(adagrad, 0, "lr_t"), 1e-15);
    }

    @Test
    void amsgradDividesByTheLargestSecondMomentSoFar() {
        DescentRun run = run("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\n"
                + "optimizer: {name: adam, lr: 0.1, amsgrad: true}\nsteps: 200\n");
        double largest = 0;
        int stepsWhereVFellBelowTheMax = 0;
        for (Step step : run.steps()) {
            double v = quantity(step, 0, "v");
            largest = Math.max(largest, v);
            assertEquals(largest, quantity(step, 0, "v_max"), "step " + step.t());
            double bc1 = 1 - Math.pow(0.9, step.t());
            double bc2 = 1 - Math.pow(0.999, step.t());
            assertEquals(largest / bc2, quantity(step, 0, "v_hat"), 1e-15 * largest / bc2);
            double expectedStep = 0.1 * (quantity(step, 0, "m") / bc1) / (Math.sqrt(largest / bc2) + 1e-8);
            assertEquals(expectedStep, quantity(step, 0, "step"), 1e-12 * Math.abs(expectedStep) + 1e-300);
            stepsWhereVFellBelowTheMax += v < largest ? 1 : 0;
        }
        assertTrue(stepsWhereVFellBelowTheMax > 10, "the max must matter in this run");
    }

    // ---- expression problems ----

    @Test
    void anExpressionRunsLikeTheBuiltInProblemItSpellsOut() {
        String tail = "start: {x: -1.2, y: 1}\noptimizer: {name: adam, lr: 0.05}\nsteps: 200\n";
        DescentRun builtIn = run("problem: rosenbrock\n" + tail);
        DescentRun written = run("problem: expression\nexpression: \"(1 - x)^2 + 100*(y - x^2)^2\"\n" + tail);
        assertEquals(builtIn.params(), written.params());
        for (int t = 0; t < 200; t++) {
            ReferenceTrajectoriesTest.assertClose(
                    builtIn.steps().get(t).paramsAfter(), written.steps().get(t).paramsAfter(), "step " + (t + 1));
        }
    }

    @Test
    void anExpressionMayUseConstants() {
        DescentRun run = run("problem: expression\nexpression: a*(w - c)^2\nconstants: {a: 2, c: 3}\nstart: {w: 0}\n"
                + "optimizer: {name: sgd, lr: 0.1}\nsteps: 1\n");
        assertEquals(18.0, run.steps().get(0).loss());
        assertEquals(-12.0, run.steps().get(0).gradient().get(0), 1e-12);
    }

    // ---- mini-batches ----

    @Test
    void batchesAreCycledAndReportTheFullLoss() {
        DescentRun run = run("problem: line-fit\n"
                + DATA_A
                + "start: {w: 0, b: 0}\n"
                + "optimizer: {name: sgd, lr: 0.01}\nsteps: 4\nbatches: [[0, 1], [2, 3], [4]]\n");
        assertEquals(
                List.of(List.of(0, 1), List.of(2, 3), List.of(4), List.of(0, 1)),
                run.steps().stream().map(Step::batch).toList());
        Step first = run.steps().get(0);
        // rows 0 and 1 at w = b = 0: (4 + 16) / 2; all rows: 86 / 5
        assertEquals(10.0, first.loss());
        assertEquals(17.2, first.fullLoss(), 1e-12);
        // d/dw = (2/2)·(−2·1 − 4·2) = −10
        assertEquals(-10.0, first.gradient().get(0), 1e-12);
    }

    @Test
    void batchSizeShufflesEachPassWithTheSeed() {
        String spec = "problem: line-fit\n"
                + DATA_A
                + "start: {w: 0, b: 0}\noptimizer: {name: sgd, lr: 0.01}\n"
                + "steps: 9\nbatchSize: 2\n";
        DescentRun run = run(spec + "seed: 7\n");
        List<List<Integer>> batches = run.steps().stream().map(Step::batch).toList();
        // 5 rows in slices of 2: sizes 2, 2, 1 per pass, every row once per pass.
        assertEquals(
                List.of(2, 2, 1, 2, 2, 1, 2, 2, 1),
                batches.stream().map(List::size).toList());
        for (int pass = 0; pass < 3; pass++) {
            List<Integer> rows = new ArrayList<>();
            batches.subList(3 * pass, 3 * pass + 3).forEach(rows::addAll);
            assertEquals(new HashSet<>(List.of(0, 1, 2, 3, 4)), new HashSet<>(rows), "pass " + pass);
        }
        assertEquals(
                batches,
                run(spec + "seed: 7\n").steps().stream().map(Step::batch).toList());
        assertNotEquals(
                batches,
                run(spec + "seed: 8\n").steps().stream().map(Step::batch).toList());
        assertTrue(run.steps().stream().allMatch(step -> step.fullLoss() != null));
    }

    @Test
    void aFullBatchRunHasNoFullLossOrBatch() {
        Step step = run("problem: line-fit\n"
                        + DATA_A
                        + "start: {w: 0, b: 0}\noptimizer: {name: sgd, lr: 0.01}\nsteps: 1\n")
                .steps()
                .get(0);
        assertNull(step.fullLoss());
        assertNull(step.batch());
    }

    @Test
    void logisticLossIsStableForConfidentWrongAnswers() {
        // z = 1000 for a label 0: the naive −log(1 − σ(z)) is ∞; torch's form gives z itself.
        DescentRun run = run("problem: logistic\ndata: {x1: [1], x2: [0], y: [0]}\nstart: {w1: 1000, w2: 0, b: 0}\n"
                + "optimizer: {name: sgd, lr: 0.001}\nsteps: 1\n");
        assertEquals(1000.0, run.steps().get(0).loss());
        assertEquals(1.0, run.steps().get(0).gradient().get(0));
        assertFalse(run.diverged());
    }

    @Test
    void everyOptimizerDefaultMatchesTheTable() {
        Map<String, String> expected = Map.of(
                "adagrad", "Adagrad[lr=0.01, lrDecay=0.0, initialAccumulatorValue=0.0, eps=1.0E-10, weightDecay=0.0]",
                "rmsprop", "RmsProp[lr=0.01, alpha=0.99, eps=1.0E-8, momentum=0.0, centered=false, weightDecay=0.0]",
                "adam",
                        "Adam[lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weightDecay=0.0, amsgrad=false, decoupled=false]",
                "adamw",
                        "Adam[lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weightDecay=0.01, amsgrad=false, decoupled=true]");
        expected.forEach((name, optimizer) -> assertEquals(
                optimizer,
                (DescentSpecs.fromYaml("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\noptimizer: {name: "
                                + name
                                + "}\nsteps: 1\n"))
                        .simulation()
                        .optimizer()
                        .toString()));
        assertEquals(
                "Sgd[name=nesterov, lr=0.1, momentum=0.9, dampening=0.0, nesterov=true, weightDecay=0.0]",
                (DescentSpecs.fromYaml("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\n"
                                + "optimizer: {name: nesterov, lr: 0.1}\nsteps: 1\n"))
                        .simulation()
                        .optimizer()
                        .toString());
    }

    @Test
    void aRunSerializesToTheApiShapeWithNonFiniteNumbersAsStrings() throws Exception {
        DescentRun run =
                run("problem: himmelblau\nstart: {x: -1, y: -1}\noptimizer: {name: sgd, lr: 0.05}\nsteps: 50\n");
        JsonNode json = new ObjectMapper().valueToTree(run);
        assertEquals(List.of("params", "steps", "status", "divergedAt"), fieldNames(json));
        assertEquals("diverged", json.get("status").asText());
        assertEquals(9, json.get("divergedAt").asInt());
        JsonNode last = json.get("steps").get(8);
        assertEquals(
                List.of("t", "paramsBefore", "loss", "gradient", "paramsAfter", "fullLoss", "batch", "working"),
                fieldNames(last));
        assertEquals("Infinity", last.get("loss").asText());
        assertEquals(
                run.steps().get(8).gradient().get(0),
                last.get("working").get(0).get("g").asDouble(),
                "each parameter's step record carries its gradient");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aRunOfTheMaximumLengthCompletes() {
        DescentRun run = run("problem: bowl\nconstants: {a: 1, b: 10}\nstart: {x: -8, y: 2}\n"
                + "optimizer: {name: sgd, lr: 0.01}\nsteps: 10000\n");
        assertEquals(10000, run.steps().size());
        assertEquals(
                IntStream.rangeClosed(1, 10000).boxed().toList(),
                run.steps().stream().map(Step::t).toList());
    }
}
