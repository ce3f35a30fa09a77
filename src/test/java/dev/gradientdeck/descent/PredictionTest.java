package dev.gradientdeck.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.Prediction.Direction;

import org.junit.jupiter.api.Test;

class PredictionTest {
    private static final double TOLERANCE = Prediction.DEFAULT_TOLERANCE;

    @Test
    void withinTwoPercentCounts() {
        assertTrue(new Prediction(-2.6, -2.64).grade(TOLERANCE).correct());
        assertTrue(new Prediction(-2.69, -2.64).grade(TOLERANCE).correct());
        assertFalse(new Prediction(-2.5, -2.64).grade(TOLERANCE).correct());
        assertFalse(new Prediction(2.64, -2.64).grade(TOLERANCE).correct(), "the sign matters");
    }

    @Test
    void theGradeShowsErrorAndAllowance() {
        Grade grade = new Prediction(-2.6, -2.64).grade(TOLERANCE);
        assertEquals(-2.6, grade.answer());
        assertEquals(-2.64, grade.truth());
        assertEquals(0.04, grade.error(), 1e-12);
        assertEquals(0.0528, grade.allowedError(), 1e-12);
    }

    @Test
    void nearZeroAnAbsoluteFloorOfOneThousandthApplies() {
        // A true gradient of 0 (logistic b at the start): 0.0009 counts, 0.002 does not; rounding
        // noise counts.
        assertTrue(new Prediction(0, 1e-17).grade(TOLERANCE).correct());
        assertTrue(new Prediction(0.0009, 0).grade(TOLERANCE).correct());
        assertTrue(new Prediction(-0.001, 0).grade(TOLERANCE).correct());
        assertFalse(new Prediction(0.002, 0).grade(TOLERANCE).correct());
        assertEquals(0.001, new Prediction(0, 0).grade(TOLERANCE).allowedError(), 1e-15);
        // Just above the floor the relative rule takes over again: 2% of 0.1 is 0.002.
        assertTrue(new Prediction(0.1015, 0.1).grade(TOLERANCE).correct());
        assertFalse(new Prediction(0.1025, 0.1).grade(TOLERANCE).correct());
    }

    @Test
    void theFloorScalesWithTheTolerance() {
        assertEquals(0.0001, new Prediction(0, 0).grade(0.002).allowedError(), 1e-15);
        assertFalse(new Prediction(0.0009, 0).grade(0.002).correct());
    }

    @Test
    void aNonFiniteTruthIsMatchedOnlyExactly() {
        assertTrue(
                new Prediction(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)
                        .grade(TOLERANCE)
                        .correct());
        assertFalse(new Prediction(1e308, Double.POSITIVE_INFINITY).grade(TOLERANCE).correct());
        assertFalse(new Prediction(1, Double.NaN).grade(TOLERANCE).correct());
    }

    @Test
    void aSpecWithoutToleranceUsesTwoPercent() {
        String spec =
                "problem: rosenbrock\nstart: {x: 0, y: 0}\noptimizer: {name: adam}\nsteps: 1\n";
        assertEquals(0.02, DescentSpecs.fromYaml(spec).toleranceOrDefault());
        assertEquals(0.1, DescentSpecs.fromYaml(spec + "tolerance: 0.1\n").toleranceOrDefault());
    }

    @Test
    void lossDirection() {
        assertEquals(Direction.DOWN, Direction.of(17.2, 10.49));
        assertEquals(Direction.UP, Direction.of(1, 2));
        assertEquals(Direction.DOWN, Direction.of(1, 1), "a loss that stays put did not go up");
        assertEquals(Direction.UP, Direction.of(1e300, Double.POSITIVE_INFINITY));
        assertEquals(Direction.UP, Direction.of(1, Double.NaN), "blowing up counts as up");
        assertTrue(Prediction.directionCorrect(Direction.DOWN, 17.2, 10.49));
        assertFalse(Prediction.directionCorrect(Direction.UP, 17.2, 10.49));
    }
}
