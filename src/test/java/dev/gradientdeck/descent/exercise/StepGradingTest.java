package dev.gradientdeck.descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.exercise.Exercise.Item;
import dev.gradientdeck.descent.spec.DescentSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grading rule on the step, with steps worked by hand on L = (w − 0)², w = 1 (so g = 2): a right
 * step is right, no move and a double step are wrong, and within the tolerance of the step is
 * right, for every optimizer.
 */
class StepGradingTest {

    private static Exercise exercise(String optimizer, int steps) {
        return Exercise.of(
                DescentSpecs.fromYaml("problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\noptimizer: "
                        + optimizer
                        + "\nsteps: 3\npredict: {steps: "
                        + steps
                        + ", ask: [gradient, params, loss]}\n"),
                List.of(),
                0);
    }

    /**
     * Each row: the optimizer, the step graded, w before it and w after it by hand.
     *
     * <ul>
     *   <li>sgd: 1 − 0.1·2 = 0.8
     *   <li>momentum, step 2: w = 0.8, g = 1.6, b = 0.9·2 + 1.6 = 3.4, w = 0.8 − 0.34 = 0.46
     *   <li>nesterov: b = 2, d = 2 + 0.9·2 = 3.8, w = 1 − 0.38 = 0.62
     *   <li>adagrad: s = 4, Δ = 0.1·2/(2 + 1e-10) ≈ 0.1, w ≈ 0.9
     *   <li>rmsprop: v = 0.01·4 = 0.04, Δ = 0.01·2/(0.2 + 1e-8) ≈ 0.1, w ≈ 0.9
     *   <li>adam: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4, Δ = 0.1·2/(2 + 1e-8) ≈ 0.1, w ≈ 0.9
     *   <li>adamw: w' = 1·(1 − 0.1·0.01) = 0.999, then Δ ≈ 0.1, w ≈ 0.899
     * </ul>
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "{name: sgd, lr: 0.1}; 1; 1; 0.8",
                "{name: momentum, lr: 0.1, momentum: 0.9}; 2; 0.8; 0.46",
                "{name: nesterov, lr: 0.1, momentum: 0.9}; 1; 1; 0.62",
                "{name: adagrad, lr: 0.1}; 1; 1; 0.9",
                "{name: rmsprop, lr: 0.01}; 1; 1; 0.9",
                "{name: adam, lr: 0.1}; 1; 1; 0.9",
                "{name: adamw, lr: 0.1}; 1; 1; 0.899"
            })
    void aParameterIsGradedOnItsStep(String optimizer, int t, double before, double after) {
        Exercise ex = exercise(optimizer, t);
        Item w = new Item(t, "params", "w");
        assertEquals(after, ex.truth(w), 1e-7, "the engine agrees with the hand step");
        double step = after - before;
        assertTrue(ex.grade(w, after).correct(), "the right step");
        assertFalse(ex.grade(w, before).correct(), "no move");
        assertFalse(ex.grade(w, before + 2 * step).correct(), "a double step");
        assertFalse(ex.grade(w, before - step).correct(), "the wrong direction");
        assertTrue(ex.grade(w, before + 1.019 * step).correct(), "1.9% off the step");
        assertTrue(ex.grade(w, before + 0.981 * step).correct(), "1.9% short of the step");
        assertFalse(ex.grade(w, before + 1.03 * step).correct(), "3% off the step");
        assertEquals("the step", ex.grade(w, after).against());
        assertEquals(0.02 * Math.abs(ex.truth(w) - before), ex.grade(w, after).allowed(), 1e-15);
    }

    @Test
    void himmelblauFromMinusOneThreeNoLongerPassesNoMoveOrTheWrongWay() {
        Exercise ex = Exercise.of(
                DescentSpecs.fromYaml("problem: himmelblau\nstart: {x: -1, y: 3}\noptimizer: {name: sgd, lr: 0.01}\n"
                        + "steps: 100\npredict: {steps: 1, ask: [loss, gradient, params]}\n"),
                List.of(),
                0);
        Item y = new Item(1, "params", "y");
        assertEquals(3.02, ex.truth(y), 1e-12);
        assertFalse(ex.check(y, "3").correct(), "no move");
        assertFalse(ex.check(y, "2.98").correct(), "the wrong direction");
        assertTrue(ex.check(y, "3.02").correct());
    }

    @Test
    void theLossAfterTheStepIsNotTheLossBefore() {
        Exercise origin = Exercise.of(
                DescentSpecs.fromYaml("problem: himmelblau\nstart: {x: 0, y: 0}\noptimizer: {name: sgd, lr: 0.01}\n"
                        + "steps: 100\npredict: {steps: 1, ask: [loss, gradient, params]}\n"),
                List.of(),
                0);
        Item loss = new Item(1, "loss", "");
        assertEquals(162.18, origin.truth(loss), 0.005);
        assertFalse(origin.check(loss, "170").correct(), "170 is the loss before the step");
        assertTrue(origin.check(loss, "162.18").correct());
        assertEquals("the loss", origin.grade(loss, 162.18).against());
    }

    @Test
    void aSmallLossChangeIsGradedOnTheChange() {
        Exercise ex = exercise("{name: sgd, lr: 0.001}", 1);
        Item loss = new Item(1, "loss", "");
        assertEquals(0.996004, ex.truth(loss), 1e-12);
        assertFalse(ex.check(loss, "1").correct(), "unchanged is within 2% of the loss, not of its change");
        assertTrue(ex.check(loss, "0.996").correct());
        assertFalse(ex.check(loss, "0.992").correct(), "twice the change");
        assertEquals("the loss change", ex.grade(loss, 0.996).against());
    }

    @Test
    void gradientsStayRelativeToTheirOwnValue() {
        Exercise ex = exercise("{name: sgd, lr: 0.1}", 1);
        Item g = new Item(1, "gradient", "w");
        assertTrue(ex.check(g, "2.03").correct());
        assertFalse(ex.check(g, "2.05").correct());
        assertEquals("the gradient", ex.grade(g, 2).against());
    }

    @Test
    void aZeroGradientMatchesZeroAndRoundingOnly() {
        Exercise ex = Exercise.of(
                DescentSpecs.fromYaml("problem: bowl\nconstants: {a: 1, b: 1}\nstart: {x: 0, y: 2}\n"
                        + "optimizer: {name: sgd, lr: 0.1}\nsteps: 2\npredict: {steps: 1, ask: [gradient, params]}\n"),
                List.of(),
                0);
        assertTrue(ex.check(new Item(1, "gradient", "x"), "0").correct());
        assertFalse(ex.check(new Item(1, "gradient", "x"), "0.001").correct());
        assertTrue(ex.check(new Item(1, "params", "x"), "0").correct(), "x does not move: staying is right");
        assertFalse(ex.check(new Item(1, "params", "x"), "0.01").correct());
    }
}
