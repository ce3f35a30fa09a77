package dev.gradientdeck.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/**
 * Measures, and prints without asserting, how long a 1,000-step Adam run on Rosenbrock takes
 * in-process.
 */
class AdamTimingTest {

    @Test
    void printsTheMedianTimeOfAThousandStepAdamRun() {
        DescentSpec spec =
                DescentSpecs.fromYaml(
                        """
        problem: rosenbrock
        start: {x: -1.2, y: 1}
        optimizer: {name: adam, lr: 0.01}
        steps: 1000
        """);
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            Descent.run(spec);
        }
        long[] nanos = new long[101];
        for (int i = 0; i < nanos.length; i++) {
            long begin = System.nanoTime();
            DescentRun run = Descent.run(spec);
            nanos[i] = System.nanoTime() - begin;
            assertEquals(1000, run.steps().size());
        }
        Arrays.sort(nanos);
        System.out.printf(
                "1000-step Adam on Rosenbrock: median %.3f ms (min %.3f, max %.3f) over %d runs%n",
                nanos[nanos.length / 2] / 1e6,
                nanos[0] / 1e6,
                nanos[nanos.length - 1] / 1e6,
                nanos.length);
    }
}
