package dev.gradientdeck.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The worked arithmetic of a step: the formula, then the actual numbers, then the number the run
 * holds.
 */
class ArithmeticTest {
    private static final String DATA_A = "data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}\n";

    private static Arithmetic.Worked worked(String yaml, int t) {
        DescentSpec spec = DescentSpecs.fromYaml(yaml);
        return Arithmetic.of(Simulation.of(spec), Descent.run(spec).steps().get(t - 1));
    }

    @Test
    void adamWritesOutTheMomentsTheBiasCorrectionsAndTheStep() {
        Arithmetic.Worked worked =
                worked(
                        "problem: line-fit\n"
                                + DATA_A
                                + "start: {w: 0, b: 0}\noptimizer: {name: adam, lr: 0.1}\nsteps: 1\n",
                        1);
        assertEquals(
                List.of(
                        "m = \\beta_1 m_{\\text{prev}} + (1 - \\beta_1)\\, g = 0.9\\cdot0 + 0.1\\cdot(-26.4) = -2.64",
                        "v = \\beta_2 v_{\\text{prev}} + (1 - \\beta_2)\\, g^2 = 0.999\\cdot0 + 0.001\\cdot(-26.4)^2 = 0.69696",
                        "\\hat m = \\frac{m}{1 - \\beta_1^{\\,t}} = \\frac{-2.64}{1 - 0.9^{1}} = -26.4",
                        "\\hat v = \\frac{v}{1 - \\beta_2^{\\,t}} = \\frac{0.69696}{1 - 0.999^{1}} = 696.96",
                        "\\Delta = \\frac{\\eta\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon} = \\frac{0.1\\cdot(-26.4)}{\\sqrt{696.96} + 10^{-8}} = -0.1",
                        "w \\leftarrow w - \\Delta = 0 - (-0.1) = 0.1"),
                worked.updates().get(0));
    }

    @Test
    void aLineFitsGradientComesFromItsResidualSums() {
        Arithmetic.Worked worked =
                worked(
                        "problem: line-fit\n"
                                + DATA_A
                                + "start: {w: 0, b: 0}\noptimizer: {name: sgd, lr: 0.01}\nsteps: 1\n",
                        1);
        assertEquals(
                "L = \\tfrac{1}{n}\\sum_i r_i^2 = \\tfrac{1}{5}\\cdot86 = 17.2",
                worked.loss().get(1));
        assertEquals(
                "\\partial L/\\partial w = \\tfrac{2}{n}\\sum_i r_i x_i = \\tfrac{2}{5}\\cdot(-66) = -26.4",
                worked.gradient().get(0));
        assertEquals(
                "w \\leftarrow w - \\eta\\,g = 0 - 0.01\\cdot(-26.4) = 0.264",
                worked.updates().get(0).get(0));
    }

    @Test
    void momentumShowsItsBufferFromTheSecondStep() {
        String spec =
                "problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\n"
                        + "optimizer: {name: momentum, lr: 0.1, momentum: 0.9, dampening: 0.5}\nsteps: 2\n";
        assertEquals("b = g = 2", worked(spec, 1).updates().get(0).get(0));
        assertEquals(
                "b = \\mu\\, b_{\\text{prev}} + (1 - \\tau)\\,g = 0.9\\cdot2 + 0.5\\cdot1.6 = 2.6",
                worked(spec, 2).updates().get(0).get(0));
    }

    @Test
    void rosenbrocksGradientIsWrittenWithItsValleyTerm() {
        Arithmetic.Worked worked =
                worked(
                        "problem: rosenbrock\nstart: {x: -1, y: 1}\n"
                                + "optimizer: {name: nesterov, lr: 0.001, momentum: 0.9}\nsteps: 1\n",
                        1);
        assertEquals("y - x^2 = 1 - (-1)^2 = 0", worked.loss().get(0));
        assertEquals(
                "\\partial L/\\partial x = -2\\,(1 - x) - 400\\,x\\,(y - x^2) = -2\\cdot2 - 400\\cdot(-1)\\cdot0 = -4",
                worked.gradient().get(0));
        assertEquals(
                "d = g + \\mu\\, b = -4 + 0.9\\cdot(-4) = -7.6", worked.updates().get(0).get(1));
    }

    @Test
    void everyOptimizerAndProblemWritesALineEndingInTheRunsNumber() {
        for (String optimizer :
                List.of(
                        "{name: adagrad, lr: 0.5, lrDecay: 0.1, weightDecay: 0.1}",
                        "{name: rmsprop, centered: true, momentum: 0.5}",
                        "{name: adamw, amsgrad: true}")) {
            for (String problem :
                    List.of(
                            "problem: himmelblau\nstart: {x: 0, y: 0}\n",
                            "problem: logistic\ndata: {x1: [0, 1], x2: [1, 0], y: [1, 0]}\nstart: {w1: 0, w2: 0, b: 0}\n",
                            "problem: expression\nexpression: \"(w - 3)^2 + 0.5*w*b^2\"\nstart: {w: 0, b: 1}\n",
                            "problem: bowl\nconstants: {a: 1, b: 10}\nstart: {x: 1, y: 1}\n")) {
                DescentSpec spec =
                        DescentSpecs.fromYaml(problem + "optimizer: " + optimizer + "\nsteps: 2\n");
                Step step = Descent.run(spec).steps().get(1);
                Arithmetic.Worked worked = Arithmetic.of(Simulation.of(spec), step);
                assertEquals(step.paramsAfter().size(), worked.updates().size());
                for (int i = 0; i < step.paramsAfter().size(); i++) {
                    List<String> lines = worked.updates().get(i);
                    String last = lines.get(lines.size() - 1);
                    assertTrue(
                            last.endsWith("= " + Arithmetic.n(step.paramsAfter().get(i))),
                            optimizer + " " + last);
                }
                assertEquals(step.gradient().size(), worked.gradient().size(), problem);
            }
        }
    }

    @Test
    void numbersAndNamesAreWrittenAsTex() {
        assertEquals("10^{-8}", Arithmetic.n(1e-8));
        assertEquals("2.5\\times10^{-5}", Arithmetic.n(2.5e-5));
        assertEquals("(-3)", Arithmetic.f(-3));
        assertEquals("(2.5\\times10^{-5})", Arithmetic.f(2.5e-5));
        assertEquals("\\infty", Arithmetic.n(Double.POSITIVE_INFINITY));
        assertEquals("w_{1}", Arithmetic.symbol("w1"));
        assertEquals("\\mathrm{lr}", Arithmetic.symbol("lr"));
        assertEquals("\\mathrm{a\\_b}", Arithmetic.symbol("a_b"));
        assertEquals(
                "\\mathrm{ab}",
                Arithmetic.symbol("a}\\b"),
                "nothing from a card file reaches TeX unescaped");
    }
}
