package dev.gradientdeck.descent.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.engine.*;
import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.web.*;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reading specs from YAML and JSON, and every way a spec is refused: what, which field, which line.
 */
class DescentSpecsTest {

    private static final String VALID = """
      problem: line-fit
      loss: mse
      data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}
      start: {w: 0, b: 0}
      optimizer: {name: sgd, lr: 0.01}
      steps: 5
      """;

    private static SpecException yamlError(String yaml) {
        return assertThrows(SpecException.class, () -> DescentSpecs.fromYaml(yaml));
    }

    /**
     * The valid spec with one line replaced (matched by its field name) or, for a new field, added.
     */
    private static SpecException errorWith(String field, String line) {
        String yaml = VALID.lines()
                .map(l -> l.startsWith(field + ":") ? line : l)
                .collect(Collectors.joining("\n", "", "\n"));
        return yamlError(yaml.contains(line) ? yaml : yaml + line + "\n");
    }

    @Test
    void theFullDesignExampleReads() {
        ValidSpec spec = DescentSpecs.fromYaml("""
        problem: line-fit          # line-fit | quadratic | ...
        loss: mse
        data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}
        start: {w: 0, b: 0}
        optimizer: {name: sgd, lr: 0.01}
        steps: 5
        batches: [[0, 1], [2, 3], [4]]
        predict: {steps: 3, ask: [gradient, params]}
        tolerance: 0.02
        randomize: {start.w: [-2, 2], optimizer.lr: [0.005, 0.02]}
        """);
        assertEquals("line-fit", spec.spec().problem());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), spec.spec().data().get("x"));
        assertEquals(List.of("w", "b"), List.copyOf(spec.spec().start().keySet()));
        assertEquals(0.01, spec.spec().optimizer().lr());
        assertEquals(
                List.of(List.of(0, 1), List.of(2, 3), List.of(4)), spec.spec().batches());
        assertEquals(
                new DescentSpec.Predict(3, List.of("gradient", "params")),
                spec.spec().predict());
        assertEquals(List.of(0.005, 0.02), spec.spec().randomize().get("optimizer.lr"));
    }

    @Test
    void jsonAndYamlGiveTheSameSpec() {
        String json = """
        {"problem": "expression", "expression": "(w - 3)^2 + 0.5*w*b^2", "start": {"w": 0, "b": 1e-3},
         "optimizer": {"name": "adam", "lr": 0.1, "beta1": 0.8, "amsgrad": true}, "steps": 3, "tolerance": 0.05}
        """;
        String yaml = """
        problem: expression
        expression: "(w - 3)^2 + 0.5*w*b^2"
        start: {w: 0, b: 1e-3}
        optimizer: {name: adam, lr: 0.1, beta1: 0.8, amsgrad: true}
        steps: 3
        tolerance: 0.05
        """;
        assertEquals(
                DescentSpecs.fromJson(json).spec(), DescentSpecs.fromYaml(yaml).spec());
        assertEquals(0.001, DescentSpecs.fromYaml(yaml).spec().start().get("b"));
    }

    // ---- the errors the brief lists ----

    @Test
    void unknownProblemListsTheValidOnes() {
        SpecException e = errorWith("problem", "problem: parabola");
        assertEquals(
                "problem: unknown problem 'parabola'; choose one of line-fit, quadratic, bowl, rosenbrock, himmelblau, "
                        + "logistic, expression",
                e.getMessage());
        assertEquals(OptionalInt.of(1), e.line());
    }

    @Test
    void unknownOptimizerListsTheValidOnes() {
        SpecException e = errorWith("optimizer", "optimizer: {name: lbfgs, lr: 0.1}");
        assertEquals(
                "optimizer.name: unknown optimizer 'lbfgs'; choose one of sgd, momentum, nesterov, adagrad, rmsprop, "
                        + "adam, adamw",
                e.getMessage());
        assertEquals(OptionalInt.of(5), e.line());
    }

    @Test
    void aSettingOutsideTheOptimizersRowIsNamed() {
        SpecException e = yamlError("""
        problem: line-fit
        data:
          x: [1, 2, 3]
          y: [2, 4, 5]
        start: {w: 0, b: 0}
        optimizer:
          name: sgd
          lr: 0.01
          momentum: 0.9
        steps: 5
        """);
        assertEquals(
                "optimizer.momentum: sgd has no setting 'momentum'; its settings are lr, weightDecay", e.getMessage());
        assertEquals(List.of("optimizer", "momentum"), e.path());
        assertEquals(OptionalInt.of(9), e.line());

        assertEquals(
                "optimizer.amsgrad: rmsprop has no setting 'amsgrad'; its settings are lr, alpha, eps, momentum, "
                        + "centered, weightDecay",
                errorWith("optimizer", "optimizer: {name: rmsprop, amsgrad: true}")
                        .getMessage());
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() {
        SpecException e = errorWith("steps", "steps: 5\nstpes: 6");
        assertEquals(
                "stpes: unknown field; the fields here are problem, loss, data, constants, expression, start, "
                        + "optimizer, steps, batches, batchSize, seed, predict, tolerance, randomize",
                e.getMessage());
        assertEquals(OptionalInt.of(7), e.line());
    }

    @Test
    void anUnknownOptimizerSettingIsNamedWithTheOptimizersSettings() {
        SpecException e = errorWith("optimizer", "optimizer: {lr: 0.01, nesterov: true, name: sgd}");
        assertEquals(
                "optimizer.nesterov: sgd has no setting 'nesterov'; its settings are lr, weightDecay", e.getMessage());
        assertEquals(OptionalInt.of(5), e.line());
        assertEquals(
                "optimizer.nesterov: unknown field; the fields here are name, lr, momentum, dampening, weightDecay, "
                        + "lrDecay, initialAccumulatorValue, eps, alpha, centered, beta1, beta2, amsgrad",
                errorWith("optimizer", "optimizer: {lr: 0.01, nesterov: true}").getMessage());
    }

    @Test
    void anUnknownFieldInsidePredictIsNamed() {
        SpecException e = errorWith("predict", "predict: {steps: 2, ask: [loss], hint: yes}");
        assertEquals("predict.hint: unknown field; the fields here are steps, ask", e.getMessage());
    }

    @Test
    void aMissingStartParameterIsNamed() {
        SpecException e = errorWith("start", "start: {w: 0}");
        assertEquals("start: missing parameter b; line-fit starts from w, b", e.getMessage());
        assertEquals(OptionalInt.of(4), e.line());
    }

    @Test
    void aStartParameterTheProblemDoesNotHaveIsNamed() {
        assertEquals(
                "start.z: line-fit has no parameter 'z'; its parameters are w, b",
                errorWith("start", "start: {w: 0, b: 0, z: 1}").getMessage());
    }

    @Test
    void anExpressionSyntaxErrorGivesColumnAndLine() {
        SpecException e = yamlError("""
        problem: expression
        start: {w: 0}
        expression: "(w - 3))"
        optimizer: {name: sgd, lr: 0.1}
        steps: 3
        """);
        assertEquals("expression: unexpected ')' at column 8", e.getMessage());
        assertEquals(OptionalInt.of(3), e.line());
    }

    @Test
    void anExpressionNameMissingFromStartIsNamed() {
        SpecException e = yamlError("""
        problem: expression
        expression: (w - c)^2
        start: {w: 0}
        optimizer: {name: sgd, lr: 0.1}
        steps: 3
        """);
        assertEquals(
                "expression: unknown name 'c' at column 6; it is neither a parameter in start (w) nor a constant",
                e.getMessage());
    }

    @Test
    void dataOfUnequalLengthsIsRefused() {
        SpecException e = errorWith("data", "data: {x: [1, 2, 3], y: [2, 4]}");
        assertEquals("data.y: has 2 values but x has 3; the columns must be of equal length", e.getMessage());
        assertEquals(OptionalInt.of(3), e.line());
    }

    @Test
    void moreThanTenThousandStepsIsRefused() {
        assertEquals(
                "steps: must be between 1 and 10000, got 10001",
                errorWith("steps", "steps: 10001").getMessage());
        assertEquals(
                "steps: must be between 1 and 10000, got 0",
                errorWith("steps", "steps: 0").getMessage());
    }

    @Test
    void moreThanSixteenParametersIsRefused() {
        String start =
                IntStream.rangeClosed(1, 17).mapToObj(i -> "p" + i + ": 0").collect(Collectors.joining(", "));
        SpecException e = yamlError("problem: expression\nexpression: p1^2\nstart: {"
                + start
                + "}\n"
                + "optimizer: {name: sgd, lr: 0.1}\nsteps: 3\n");
        assertEquals("start: has 17 parameters; the limit is 16", e.getMessage());
    }

    @Test
    void anExpressionLongerThanAThousandCharactersIsRefused() {
        String expression = "w" + " + w".repeat(250);
        SpecException e = yamlError("problem: expression\nexpression: "
                + expression
                + "\nstart: {w: 0}\n"
                + "optimizer: {name: sgd, lr: 0.1}\nsteps: 3\n");
        assertEquals("expression: is 1001 characters long; the limit is 1000", e.getMessage());
    }

    @Test
    void batchIndicesOutOfRangeAreNamed() {
        SpecException e = errorWith("batches", "batches: [[0, 1], [2, 5]]");
        assertEquals("batches[1][1]: row 5 is out of range: the data has 5 rows, numbered 0 to 4", e.getMessage());
        assertEquals(List.of("batches", 1, 1), e.path());
        assertEquals(OptionalInt.of(7), e.line());
        assertEquals(
                "batches[0][0]: row -1 is out of range: the data has 5 rows, numbered 0 to 4",
                errorWith("batches", "batches: [[-1]]").getMessage());
    }

    @Test
    void lrMustBeAFinitePositiveNumber() {
        assertEquals(
                "optimizer.lr: must be a finite positive number, got -0.1",
                errorWith("optimizer", "optimizer: {name: sgd, lr: -0.1}").getMessage());
        assertEquals(
                "optimizer.lr: must be a finite positive number, got 0.0",
                errorWith("optimizer", "optimizer: {name: adam, lr: 0}").getMessage());
        assertEquals(
                "optimizer.lr: must be a finite positive number, got Infinity",
                errorWith("optimizer", "optimizer: {name: adam, lr: Infinity}").getMessage());
        SpecException nan = assertThrows(SpecException.class, () -> DescentSpecs.fromJson("""
        {"problem": "rosenbrock", "start": {"x": 0, "y": 0}, "optimizer": {"name": "sgd", "lr": "NaN"}, "steps": 1}
        """));
        assertEquals("optimizer.lr: must be a finite positive number, got NaN", nan.getMessage());
        assertEquals(
                "optimizer.lr: missing; sgd has no default lr",
                errorWith("optimizer", "optimizer: {name: sgd}").getMessage());
    }

    // ---- other refusals ----

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertEquals(
                "steps: must be a whole number",
                errorWith("steps", "steps: 5.5").getMessage().replaceAll(", got.*", ""));
        SpecException lr = errorWith("optimizer", "optimizer: {name: sgd, lr: fast}");
        assertEquals("optimizer.lr: must be a number, got fast", lr.getMessage());
        assertEquals(OptionalInt.of(5), lr.line());
        assertEquals(
                "start: must be a mapping of fields",
                errorWith("start", "start: [0, 0]").getMessage());
    }

    @Test
    void yamlSyntaxErrorsCarryTheirLine() {
        SpecException e = yamlError("problem: line-fit\nsteps: 5: 6\n");
        assertEquals("YAML syntax error: mapping values are not allowed here", e.getMessage());
        assertEquals(OptionalInt.of(2), e.line());
    }

    @Test
    void jsonErrorsCarryTheirLineToo() {
        SpecException e = assertThrows(SpecException.class, () -> DescentSpecs.fromJson("""
        {"problem": "rosenbrock",
         "start": {"x": 0, "y": 0},
         "optimizer": {"name": "sgd", "lr": 0.1},
         "steps": 1,
         "steps": 2}
        """));
        assertTrue(e.getMessage().contains("Duplicate field 'steps'"), e.getMessage());
        assertEquals(OptionalInt.of(5), e.line());
    }

    @Test
    void anEmptySpecIsRefused() {
        assertEquals("the spec is empty", yamlError("").getMessage());
        assertEquals("the spec is empty", yamlError("# nothing\n").getMessage());
        assertEquals(
                "the spec must be a mapping of fields, such as problem: quadratic",
                yamlError("hello").getMessage());
    }

    @Test
    void fieldsTheProblemDoesNotUseAreRefused() {
        assertEquals(
                "loss: only line-fit (ssr, mse) and logistic (bce) take a loss, not rosenbrock",
                yamlError(
                                "problem: rosenbrock\nloss: mse\nstart: {x: 0, y: 0}\noptimizer: {name: sgd, lr: 0.1}\nsteps: 1\n")
                        .getMessage());
        assertEquals(
                "expression: only problem expression uses an expression, not line-fit",
                errorWith("expression", "expression: w^2").getMessage());
        assertEquals(
                "loss: unknown loss 'mae' for line-fit; choose ssr or mse",
                errorWith("loss", "loss: mae").getMessage());
    }

    @Test
    void constantsAreCheckedByName() {
        String tail = "start: {w: 0}\noptimizer: {name: sgd, lr: 0.1}\nsteps: 1\n";
        assertEquals(
                "constants: missing constant c; quadratic needs a and c",
                yamlError("problem: quadratic\nconstants: {a: 1}\n" + tail).getMessage());
        assertEquals(
                "constants.b: quadratic has no constant 'b'; its constants are a, c",
                yamlError("problem: quadratic\nconstants: {a: 1, c: 0, b: 2}\n" + tail)
                        .getMessage());
    }

    @Test
    void batchOptionsAreChecked() {
        assertEquals(
                "batchSize: give batches or batchSize, not both",
                errorWith("batches", "batches: [[0]]\nbatchSize: 2").getMessage());
        assertEquals(
                "batchSize: must be between 1 and the number of data rows (5), got 6",
                errorWith("batchSize", "batchSize: 6").getMessage());
        assertEquals(
                "seed: only used to shuffle batches of batchSize, which is not given",
                errorWith("seed", "seed: 3").getMessage());
        assertEquals(
                "batches: only line-fit and logistic have data to split into batches",
                yamlError(
                                "problem: rosenbrock\nstart: {x: 0, y: 0}\noptimizer: {name: sgd, lr: 0.1}\nsteps: 1\nbatches: [[0]]\n")
                        .getMessage());
    }

    @Test
    void predictionsAreChecked() {
        assertEquals(
                "predict.steps: must be between 1 and steps (5), got 6",
                errorWith("predict", "predict: {steps: 6, ask: [loss]}").getMessage());
        assertEquals(
                "predict.ask[1]: unknown 'momentum'; ask for any of loss, gradient, params, direction",
                errorWith("predict", "predict: {steps: 2, ask: [loss, momentum]}")
                        .getMessage());
        assertEquals(
                "predict.ask[0]: unknown 'null'; ask for any of loss, gradient, params, direction",
                errorWith("predict", "predict: {steps: 2, ask: [~]}").getMessage());
        assertTrue(errorWith("predict", "predict: {steps: 5, ask: [direction]}")
                .getMessage()
                .startsWith("predict.steps: must be below steps (5) when asking for the direction"));
        assertEquals(
                "tolerance: must be above 0 and below 1 (0.02 is 2%), got 2.0",
                errorWith("tolerance", "tolerance: 2").getMessage());
    }

    @Test
    void randomizeTargetsAreChecked() {
        assertEquals(
                "randomize.start.z: nothing to randomize there; use start.<parameter>, constants.<name> or "
                        + "optimizer.<numeric setting> of this spec",
                errorWith("randomize", "randomize: {start.z: [0, 1]}").getMessage());
        assertEquals(
                "randomize.optimizer.momentum: nothing to randomize there; use start.<parameter>, constants.<name> or "
                        + "optimizer.<numeric setting> of this spec",
                errorWith("randomize", "randomize: {optimizer.momentum: [0, 1]}")
                        .getMessage());
        assertEquals(
                "randomize.start.w: the low end 2.0 is above the high end 1.0",
                errorWith("randomize", "randomize: {start.w: [2, 1]}").getMessage());
        assertEquals(
                "randomize.start.w: needs a range of two finite numbers, [low, high]",
                errorWith("randomize", "randomize: {start.w: [2]}").getMessage());
        SpecException lr = errorWith("randomize", "randomize:\n  start.w: [-1, 1]\n  optimizer.lr: [0, 0.1]");
        assertEquals(
                "randomize.optimizer.lr: the learning rate must stay positive: the low end must be above 0",
                lr.getMessage());
        assertEquals(OptionalInt.of(9), lr.line());
    }

    @Test
    void logisticLabelsMustBeProbabilities() {
        SpecException e = yamlError("problem: logistic\ndata: {x1: [1, 2], x2: [0, 1], y: [0, 2]}\n"
                + "start: {w1: 0, w2: 0, b: 0}\noptimizer: {name: adam}\nsteps: 1\n");
        assertEquals("data.y[1]: a label must be between 0 and 1, got 2.0", e.getMessage());
    }

    /**
     * Bad input must give a SpecException, never another exception (DESIGN section 9: a 4xx, never
     * a 500).
     */
    @Test
    void anyMangledValueGivesASpecExceptionOrARun() {
        String rich = """
        problem: line-fit
        loss: mse
        data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}
        start: {w: 0, b: 0}
        optimizer: {name: momentum, lr: 0.01, momentum: 0.9}
        steps: 5
        batchSize: 2
        seed: 3
        predict: {steps: 3, ask: [gradient, direction]}
        tolerance: 0.02
        randomize: {start.w: [-2, 2], optimizer.lr: [0.005, 0.02]}
        """;
        List<String> mangled = List.of("~", "[]", "{}", "'x'", "-1", "1e400", "[~]", "{a: ~}", "[[~]]", "0");
        // Every scalar value: after ": ", "[" or ", ", up to the next separator.
        Matcher values = Pattern.compile("(?<=[:\\[,] ?)[^\\s,\\[\\]{}:]+").matcher(rich);
        int tried = 0;
        while (values.find()) {
            for (String replacement : mangled) {
                String yaml = rich.substring(0, values.start()) + replacement + rich.substring(values.end());
                try {
                    ValidSpec spec = DescentSpecs.fromYaml(yaml);
                    (spec.randomized(1)).run();
                } catch (SpecException expected) {
                    assertTrue(!expected.getMessage().isBlank());
                }
                tried++;
            }
        }
        assertTrue(tried > 300, "tried " + tried);
    }

    @Test
    void aSpecBuiltInCodeIsHeldToTheSameRules() {
        DescentSpec spec = new DescentSpec(
                "quadratic",
                null,
                null,
                Map.of("a", 1.0, "c", 0.0),
                null,
                Map.of("w", 1.0),
                new DescentSpec.OptimizerSpec(
                        "sgd", -1.0, null, null, null, null, null, null, null, null, null, null, null),
                3,
                null,
                null,
                null,
                null,
                null,
                null);
        SpecException e = assertThrows(SpecException.class, () -> SpecCheck.of(spec));
        assertEquals("optimizer.lr: must be a finite positive number, got -1.0", e.getMessage());
        assertTrue(e.line().isEmpty());
    }
}
