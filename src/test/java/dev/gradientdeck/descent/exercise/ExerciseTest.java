package dev.gradientdeck.descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.engine.*;
import dev.gradientdeck.descent.exercise.Exercise.Attempt;
import dev.gradientdeck.descent.exercise.Exercise.Item;
import dev.gradientdeck.descent.exercise.Exercise.Score;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.spec.*;
import dev.gradientdeck.descent.web.*;
import dev.gradientdeck.review.Rating;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The predict-then-reveal exercise: what is asked, the true values, first-try scoring and the
 * suggested grade.
 */
class ExerciseTest {
    private static final ValidSpec LINE_FIT = DescentSpecs.fromYaml("""
      problem: line-fit
      loss: mse
      data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}
      start: {w: 0, b: 0}
      optimizer: {name: sgd, lr: 0.01}
      steps: 200
      predict: {steps: 2, ask: [loss, gradient, params]}
      """);

    private static Exercise exercise(List<Attempt> attempts, int revealed) {
        return Exercise.of(LINE_FIT, attempts, revealed);
    }

    @Test
    void theShareOfFirstTriesSuggestsTheRating() {
        assertEquals(Optional.of(Rating.AGAIN), new Score(0, 4).suggested());
        assertEquals(Optional.of(Rating.AGAIN), new Score(1, 4).suggested(), "25%");
        assertEquals(Optional.of(Rating.AGAIN), new Score(49, 100).suggested());
        assertEquals(Optional.of(Rating.HARD), new Score(2, 4).suggested(), "exactly 50% is Hard");
        assertEquals(Optional.of(Rating.HARD), new Score(74, 100).suggested());
        assertEquals(Optional.of(Rating.GOOD), new Score(3, 4).suggested(), "exactly 75% is Good");
        assertEquals(Optional.of(Rating.GOOD), new Score(99, 100).suggested());
        assertEquals(Optional.of(Rating.EASY), new Score(10, 10).suggested());
        assertEquals(Optional.empty(), new Score(0, 0).suggested(), "nothing asked: the learner grades alone");
        assertEquals(66, new Score(2, 3).percent());
    }

    @Test
    void itemsComeInTheOrderTheyAreComputed() {
        assertEquals(
                List.of("gradient.w", "gradient.b", "params.w", "params.b", "loss"),
                exercise(List.of(), 0).items(1).stream().map(Item::field).toList());
    }

    @Test
    void theLossAskedIsTheLossAfterTheStep() {
        Exercise ex = exercise(List.of(), 0);
        assertEquals(17.2, ex.lossBefore(1), 1e-12);
        assertEquals(10.490176, ex.truth(new Item(1, "loss", "")), 1e-12);
        assertEquals(ex.lossBefore(2), ex.lossAfter(1), "the loss after step 1 is the loss step 2 starts from");
        assertEquals(-26.4, ex.truth(new Item(1, "gradient", "w")), 1e-12);
        assertEquals(0.08, ex.truth(new Item(1, "params", "b")), 1e-15);
        assertEquals(Direction.DOWN, ex.direction(1));
    }

    @Test
    void answersAreGradedWithinTheTolerance() {
        Exercise ex = exercise(List.of(), 0);
        Item dw = new Item(1, "gradient", "w");
        assertTrue(ex.check(dw, "-26.9").correct(), "1.9% off");
        assertFalse(ex.check(dw, "-27").correct(), "2.3% off");
        assertTrue(ex.check(dw, "−132/5").correct(), "a typographic minus and a fraction");
        assertEquals("-26.4", ex.check(dw, "-26.4").truth());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ex.check(dw, "about -26"));
        assertTrue(e.getMessage().contains("'about -26' is not a number"), e.getMessage());
    }

    @Test
    void numbersAreReadAsLearnersTypeThem() {
        assertEquals(-26.4, Exercise.number(" −26.4 "));
        assertEquals(17.2, Exercise.number("86/5"), 1e-15);
        assertEquals(0.001, Exercise.number("1e-3"));
        assertEquals(0.5, Exercise.number(".5"));
        assertEquals(Double.POSITIVE_INFINITY, Exercise.number("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, Exercise.number("-Infinity"));
        assertTrue(Double.isNaN(Exercise.number("NaN")));
        for (String bad : List.of("", "1,5", "0x10", "1d", "2/0", "e3", "1..2")) {
            assertThrows(IllegalArgumentException.class, () -> Exercise.number(bad), bad);
        }
    }

    @Test
    void onlyFirstTriesScoreAndUnansweredQuantitiesAreMissed() {
        Item dw = new Item(1, "gradient", "w");
        Item db = new Item(1, "gradient", "b");
        Exercise ex = exercise(List.of(), 0);
        List<Attempt> attempts = List.of(ex.check(dw, "-20"), ex.check(dw, "-26.4"), ex.check(db, "-8"));
        Exercise after = exercise(attempts, 2);
        assertTrue(after.solved(dw), "the retry found it");
        assertEquals(
                new Score(1, 10), after.score(), "dw was missed on the first try; 7 quantities were never predicted");
        assertEquals(Optional.of(Rating.AGAIN), after.score().suggested());
        assertTrue(after.done());
        assertEquals(Optional.empty(), after.currentStep());
    }

    @Test
    void aStepIsSolvedWhenEveryAskedQuantityHasARightPrediction() {
        Exercise ex = exercise(List.of(), 0);
        List<Attempt> right = ex.items(1).stream()
                .map(item -> ex.check(item, String.valueOf(ex.truth(item))))
                .toList();
        Exercise after = exercise(right, 0);
        assertTrue(after.items(1).stream().allMatch(after::solved));
        assertFalse(after.items(2).stream().anyMatch(after::solved));
        assertEquals(Optional.of(1), after.currentStep(), "solving does not reveal by itself; the routes record that");
        assertEquals(new Score(5, 10), after.score());
    }

    @Test
    void withMiniBatchesTheLossAndItsDirectionAreOnAllTheData() {
        ValidSpec spec = DescentSpecs.fromYaml("""
        problem: line-fit
        data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}
        start: {w: 0, b: 0}
        optimizer: {name: sgd, lr: 0.01}
        steps: 30
        batches: [[0, 1], [2, 3], [4]]
        predict: {steps: 2, ask: [loss, direction]}
        """);
        Exercise ex = Exercise.of(spec, List.of(), 0);
        assertEquals(10.0, ex.step(1).loss(), 1e-12, "the batch loss of rows 0 and 1");
        assertEquals(17.2, ex.lossBefore(1), 1e-12, "on all the data");
        assertEquals(ex.step(2).fullLoss(), ex.truth(new Item(1, "loss", "")), 1e-12);
        assertEquals("down", ex.truthText(new Item(1, "direction", "")));
        assertTrue(ex.check(new Item(1, "direction", ""), "Down").correct());
        assertThrows(IllegalArgumentException.class, () -> ex.check(new Item(1, "direction", ""), "sideways"));
    }

    @Test
    void aRunThatBlowsUpEarlyIsPredictedOnlyUpToThere() {
        ValidSpec spec = DescentSpecs.fromYaml("""
        problem: quadratic
        constants: {a: 1, c: 0}
        start: {w: 1}
        optimizer: {name: sgd, lr: 1e300}
        steps: 10
        predict: {steps: 5, ask: [params]}
        """);
        Exercise ex = Exercise.of(spec, List.of(), 0);
        assertTrue(ex.run().diverged());
        assertEquals(ex.run().steps().size(), ex.predictedSteps());
    }
}
