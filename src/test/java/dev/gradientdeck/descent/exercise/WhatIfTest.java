package dev.gradientdeck.descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.engine.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.spec.*;
import dev.gradientdeck.descent.web.*;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if form: typed values to a spec, or errors that name their field. */
class WhatIfTest {
    private static final ValidSpec BASE = DescentSpecs.fromYaml("""
      problem: quadratic
      constants: {a: 2, c: 3}
      start: {w: 0}
      optimizer: {name: sgd, lr: 0.1}
      steps: 12
      predict: {steps: 3, ask: [gradient, params]}
      """);

    private static WhatIf.Outcome apply(String... pairs) {
        Map<String, String> form = new HashMap<>(WhatIf.values(BASE.spec()));
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return WhatIf.apply(BASE.spec(), form);
    }

    @Test
    void theFormStartsFromTheRunsOwnValues() {
        assertEquals(
                Map.of("optimizer", "sgd", "lr", "0.1", "start.w", "0", "steps", "12"), WhatIf.values(BASE.spec()));
    }

    @Test
    void aChangedRunKeepsTheProblemAndDropsThePredictions() {
        WhatIf.Outcome outcome = apply("lr", "0.6", "start.w", "-1", "steps", "5000");
        assertTrue(outcome.ok(), outcome.errors().toString());
        assertEquals(0.6, outcome.spec().spec().optimizer().lr());
        assertEquals(-1.0, outcome.spec().spec().start().get("w"));
        assertEquals(5000, outcome.spec().spec().steps());
        assertNull(outcome.spec().spec().predict());
        assertEquals(BASE.spec().constants(), outcome.spec().spec().constants());
        assertTrue(outcome.spec().run().diverged(), "lr 0.6 > 1/a: every step overshoots 1.4 times further");
    }

    @Test
    void badValuesNameTheirField() {
        assertEquals(
                "'fast' is not a number; type a decimal such as -26.4, 1e-3 or a fraction such as 86/5",
                apply("lr", "fast").errors().get("lr"));
        assertEquals(
                "optimizer.lr: must be a finite positive number, got -1.0",
                apply("lr", "-1").errors().get("lr"));
        assertTrue(apply("steps", "2.5").errors().get("steps").contains("not a whole number"));
        assertTrue(apply("steps", "0").errors().get("steps").contains("between 1 and 10000"));
        assertTrue(apply("start.w", "").ok(), "blank keeps the run's start");
        assertTrue(apply("optimizer", "lbfgs").errors().get("optimizer").contains("choose one of sgd"));
        assertTrue(
                apply("optimizer", "adam", "beta1", "1").errors().get("beta1").contains("below 1"));
        assertTrue(apply("optimizer", "nesterov", "momentum", "0")
                .errors()
                .get("momentum")
                .contains("above 0"));
    }

    @Test
    void settingsOfOtherOptimizersAreIgnoredAndSwitchesAreCheckboxes() {
        WhatIf.Outcome sgd = apply("beta1", "0.5");
        assertTrue(sgd.ok(), "beta1 belongs to Adam; the form hides it for SGD");
        assertNull(sgd.spec().spec().optimizer().beta1());
        WhatIf.Outcome adam = apply("optimizer", "adam", "lr", "", "amsgrad", "on");
        assertTrue(adam.ok(), adam.errors().toString());
        assertEquals(Boolean.TRUE, adam.spec().spec().optimizer().amsgrad());
        assertNull(adam.spec().spec().optimizer().lr(), "blank is torch's default");
        assertFalse(apply("optimizer", "adam").spec().spec().optimizer().amsgrad(), "an unticked box is off");
    }

    @Test
    void defaultsAreTheEnginesOwn() {
        assertEquals(
                Map.of(
                        "beta1",
                        "0.9",
                        "beta2",
                        "0.999",
                        "eps",
                        "0.00000001",
                        "weightDecay",
                        "0",
                        "lr",
                        "0.001",
                        "amsgrad",
                        "false"),
                WhatIf.defaults("adam"));
        assertEquals("0.01", WhatIf.defaults("adamw").get("weightDecay"));
        assertFalse(WhatIf.defaults("sgd").containsKey("lr"), "SGD has no default learning rate");
        assertEquals("0.9", WhatIf.defaults("momentum").get("momentum"));
    }
}
