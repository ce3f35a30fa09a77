package dev.gradientdeck.descent.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.descent.explain.RunStory.Kind;
import dev.gradientdeck.descent.spec.DescentSpecs;
import dev.gradientdeck.descent.spec.ValidSpec;
import org.junit.jupiter.api.Test;

/** Each run's story is the one that is true for it. */
class RunStoryTest {

    private static RunStory story(String yaml) {
        ValidSpec spec = DescentSpecs.fromYaml(yaml);
        return RunStory.of(spec.run(), spec.simulation().problem(), "this run");
    }

    @Test
    void aLossWithNoMinimumRunsDownhillWithoutLimitNotOvershooting() {
        // (w - 3)^2 + 0.5·w·b^2 falls without bound as w → −∞ with b ≠ 0.
        RunStory story = story("problem: expression\nexpression: (w - 3)^2 + 0.5*w*b^2\nstart: {w: -1, b: 3}\n"
                + "optimizer: {name: sgd, lr: 0.1}\nsteps: 400\n");
        assertEquals(Kind.UNBOUNDED_BELOW, story.kind(), story.sentence());
        assertFalse(story.sentence().contains("overshot"), story.sentence());
    }

    @Test
    void aLearningRateTooLargeDiverges() {
        RunStory story = story(
                "problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\noptimizer: {name: sgd, lr: 1.5}\nsteps: 2000\n");
        assertEquals(Kind.DIVERGED, story.kind(), story.sentence());
        assertTrue(story.sentence().contains("overshot"), "the step sign alternates here: " + story.sentence());
    }

    @Test
    void aStepBetweenHalfAndOneOverAOscillates() {
        RunStory story = story(
                "problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\noptimizer: {name: sgd, lr: 0.9}\nsteps: 30\n");
        assertEquals(Kind.OSCILLATING, story.kind(), story.sentence());
    }

    @Test
    void aGoodStepConverges() {
        RunStory story = story(
                "problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\noptimizer: {name: sgd, lr: 0.4}\nsteps: 100\n");
        assertEquals(Kind.CONVERGED, story.kind(), story.sentence());
    }

    @Test
    void aTinyStepCrawls() {
        RunStory story = story(
                "problem: quadratic\nconstants: {a: 1, c: 0}\nstart: {w: 1}\noptimizer: {name: sgd, lr: 0.0001}\nsteps: 100\n");
        assertEquals(Kind.CRAWLING, story.kind(), story.sentence());
    }
}
