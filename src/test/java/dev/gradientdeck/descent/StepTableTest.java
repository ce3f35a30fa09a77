package dev.gradientdeck.descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.spec.DescentSpecs;
import org.junit.jupiter.api.Test;

class StepTableTest {

    @Test
    void aRunPrintsAsAnAlignedTable() {
        DescentRun run = (DescentSpecs.fromYaml("""
        problem: line-fit
        data: {x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5]}
        start: {w: 0, b: 0}
        optimizer: {name: sgd, lr: 0.01}
        steps: 2
        """)).run();
        assertEquals("""
        t      w     b     loss    dL/dw   dL/db    new w    new b
        1      0     0     17.2    -26.4      -8    0.264     0.08
        2  0.264  0.08  10.4902  -20.112  -6.256  0.46512  0.14256
        completed 2 steps
        """, StepTable.format(run));
    }

    @Test
    void aDivergedRunSaysWhere() {
        DescentRun run = (DescentSpecs.fromYaml(
                        "problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\noptimizer: {name: sgd, lr: 5e6}\nsteps: 50\n"))
                .run();
        String table = StepTable.format(run);
        assertTrue(table.endsWith("diverged at step " + run.divergedAt() + ": a value stopped being finite\n"), table);
        assertTrue(table.contains("inf"), table);
    }

    @Test
    void numbersAreCompact() {
        assertEquals("0", dev.gradientdeck.present.Numbers.compact(0));
        assertEquals("-26.4", dev.gradientdeck.present.Numbers.compact(-26.4));
        assertEquals("0.1", dev.gradientdeck.present.Numbers.compact(0.09999999962121209 + 4e-10));
        assertEquals("0.333333", dev.gradientdeck.present.Numbers.compact(1.0 / 3));
        assertEquals("1234570", dev.gradientdeck.present.Numbers.compact(1234567));
        assertEquals("1.23457e7", dev.gradientdeck.present.Numbers.compact(12345678));
        assertEquals("-1e-5", dev.gradientdeck.present.Numbers.compact(-1e-5));
        assertEquals("1e300", dev.gradientdeck.present.Numbers.compact(1e300));
        assertEquals("NaN", dev.gradientdeck.present.Numbers.compact(Double.NaN));
        assertEquals("-inf", dev.gradientdeck.present.Numbers.compact(Double.NEGATIVE_INFINITY));
    }
}
