package dev.gradientdeck.descent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class IssueRedTest {
    private static final DescentSpec HIMMELBLAU =
            DescentSpecs.fromYaml(
                    """
      problem: himmelblau
      start: {x: -1, y: 3}
      optimizer: {name: sgd, lr: 0.01}
      steps: 100
      predict: {steps: 1, ask: [loss, gradient, params]}
      tolerance: 0.02
      """);

    @Test
    void noMoveAndWrongDirectionAreWrong() {
        Exercise ex = Exercise.of(HIMMELBLAU, List.of(), 0);
        Exercise.Item y = new Exercise.Item(1, "params", "y");
        assertFalse(ex.check(y, "3").correct(), "no move");
        assertFalse(ex.check(y, "2.98").correct(), "wrong direction");
    }

    @Test
    void lossAfterTheStepIsWorkedOut() {
        Exercise ex = Exercise.of(HIMMELBLAU, List.of(), 1);
        Arithmetic.Worked worked = Arithmetic.of(ex.simulation(), ex.step(1));
        String all = String.join("\n", worked.loss()) + String.join("\n", worked.gradient());
        assertTrue(all.contains(Arithmetic.n(ex.lossAfter(1))), all);
    }

    @Test
    void expressionLossShowsSubstitutedNumbers() {
        DescentSpec spec =
                DescentSpecs.fromYaml(
                        """
          problem: expression
          expression: (w - 3)^2 + 0.5*w*b^2
          start: {w: 0.5, b: 2}
          optimizer: {name: sgd, lr: 0.1}
          steps: 3
          predict: {steps: 1, ask: [gradient]}
          """);
        Exercise ex = Exercise.of(spec, List.of(), 1);
        Arithmetic.Worked worked = Arithmetic.of(ex.simulation(), ex.step(1));
        assertTrue(worked.loss().get(0).contains("(0.5 - 3)"), worked.loss().toString());
    }
}
