package dev.gradientdeck.descent.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.engine.*;
import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.web.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RandomizeTest {
    private static final ValidSpec SPEC = DescentSpecs.fromYaml("""
      problem: quadratic
      constants: {a: 2, c: 3}
      start: {w: 0}
      optimizer: {name: momentum, lr: 0.01}
      steps: 3
      randomize: {start.w: [-2, 2], optimizer.lr: [0.005, 0.02], optimizer.momentum: [0.5, 0.95], constants.c: [1, 5]}
      """);

    @Test
    void theSameSeedGivesTheSameSpec() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            assertEquals(SPEC.spec().randomized(seed), SPEC.spec().randomized(seed));
            assertEquals(
                    SPEC.randomized(seed).run().steps().size(),
                    SPEC.randomized(seed).run().steps().size());
            assertEquals(
                    SPEC.randomized(seed).run().steps().get(0).paramsAfter(),
                    SPEC.randomized(seed).run().steps().get(0).paramsAfter());
        }
    }

    @Test
    void differentSeedsGiveDifferentSpecs() {
        Set<DescentSpec> drawn = new HashSet<>();
        LongStream.range(0, 20).forEach(seed -> drawn.add(SPEC.spec().randomized(seed)));
        assertTrue(drawn.size() > 10, "20 seeds gave only " + drawn.size() + " distinct specs");
    }

    @Test
    void drawnValuesAreHandFriendlyAndInRange() {
        Set<Double> starts = new HashSet<>();
        Set<Double> lrs = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            DescentSpec drawn = SPEC.spec().randomized(seed);
            assertNull(drawn.randomize());
            starts.add(drawn.start().get("w"));
            lrs.add(drawn.optimizer().lr());
            double momentum = drawn.optimizer().momentum();
            assertTrue(List.of(0.5, 0.6, 0.7, 0.8, 0.9).contains(momentum), "momentum " + momentum);
            double c = drawn.constants().get("c");
            assertTrue(c == Math.rint(c) && c >= 1 && c <= 5, "c " + c);
            assertEquals(2.0, drawn.constants().get("a"), "fields not randomized are kept");
        }
        assertEquals(Set.of(-2.0, -1.0, 0.0, 1.0, 2.0), starts);
        assertEquals(Set.of(0.005, 0.006, 0.007, 0.008, 0.009, 0.01, 0.02), lrs);
    }

    @Test
    void roundNumbersFollowTheirRules() {
        assertEquals(List.of(0.005, 0.006, 0.007, 0.008, 0.009, 0.01, 0.02), RoundNumbers.between(0.005, 0.02));
        assertEquals(List.of(0.5, 0.6, 0.7, 0.8, 0.9, 1.0), RoundNumbers.between(0.5, 1.5));
        assertEquals(
                List.of(
                        -0.3, -0.2, -0.1, -0.09, -0.08, -0.07, -0.06, -0.05, -0.04, -0.03, -0.02, -0.01, 0.0, 0.01,
                        0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3),
                RoundNumbers.between(-0.3, 0.3));
        assertEquals(List.of(1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9), RoundNumbers.between(1.1, 1.9));
        assertEquals(List.of(12.5), RoundNumbers.between(12.5, 12.5));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            double big = RoundNumbers.draw(10, 1000, random);
            assertTrue(big == Math.rint(big) && big >= 10 && big <= 1000);
        }
    }

    @Test
    void aSpecWithoutRandomizeStaysAsItIs() {
        ValidSpec plain = DescentSpecs.fromYaml(
                "problem: rosenbrock\nstart: {x: 0, y: 0}\n" + "optimizer: {name: adam}\nsteps: 1\n");
        assertSame(plain, plain.randomized(5));
    }

    @Test
    void theDrawnSpecIsTheSameWhicheverWayItWasRead() {
        ValidSpec fromJson = DescentSpecs.fromJson("""
        {"problem": "quadratic", "constants": {"a": 2, "c": 3}, "start": {"w": 0},
         "optimizer": {"name": "momentum", "lr": 0.01}, "steps": 3,
         "randomize": {"start.w": [-2, 2], "optimizer.lr": [0.005, 0.02], "optimizer.momentum": [0.5, 0.95],
                       "constants.c": [1, 5]}}
        """);
        assertEquals(SPEC, fromJson);
        assertEquals(SPEC.randomized(99), fromJson.randomized(99));
    }
}
