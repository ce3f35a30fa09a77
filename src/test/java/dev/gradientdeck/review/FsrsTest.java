package dev.gradientdeck.review;

import static dev.gradientdeck.review.Rating.AGAIN;
import static dev.gradientdeck.review.Rating.EASY;
import static dev.gradientdeck.review.Rating.GOOD;
import static dev.gradientdeck.review.Rating.HARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FsrsTest {
    private final Fsrs fsrs = new Fsrs(FsrsSettings.defaults());

    @Test
    void workedExampleOfTheFormulas() {
        // FORMULAS.md section 6: Good, Good ten minutes later, Good two days later.
        Memory first = fsrs.initialMemory(GOOD);
        assertEquals(2.3065, first.stability(), 1e-12);
        assertEquals(2.11810397, first.difficulty(), 1e-8);
        Memory sameDay = fsrs.nextMemory(first, 0, GOOD);
        assertEquals(2.3065, sameDay.stability(), 1e-12, "the same-day pass is floored at SInc = 1");
        assertEquals(2.111214, sameDay.difficulty(), 1e-6);
        assertEquals(2, fsrs.nextInterval(sameDay.stability()));

        assertEquals(0.909493, fsrs.retrievability(2, sameDay.stability()), 1e-6);
        Memory later = fsrs.nextMemory(sameDay, 2, GOOD);
        assertEquals(10.971048, later.stability(), 1e-6);
        assertEquals(2.104331, later.difficulty(), 1e-6);
        assertEquals(11, fsrs.nextInterval(later.stability()));
    }

    @Test
    void initialDifficultyOfEasyIsClampedToOne() {
        assertEquals(1.0, fsrs.initialDifficulty(EASY));
        assertEquals(6.4133, fsrs.initialDifficulty(AGAIN), 1e-12);
    }

    @Test
    void difficultyMovesByGradeWithDamping() {
        // Again adds 2·w6 scaled by (10 - D)/9, then 0.1 % mean reversion toward D0(4) = -4.77163.
        assertEquals(0.999 * (5 + 2 * 3.0194 * 5 / 9) + 0.001 * -4.771630703, fsrs.nextDifficulty(5, AGAIN), 1e-8);
        assertEquals(9.985228369, fsrs.nextDifficulty(10, AGAIN), 1e-8, "at 10 the damping leaves no step up");
        assertEquals(1.0, fsrs.nextDifficulty(1, EASY));
        assertEquals(0.999 * 5 + 0.001 * -4.771630703, fsrs.nextDifficulty(5, GOOD), 1e-8);
    }

    @Test
    void retrievabilityIsOneRightAfterAReview() {
        assertEquals(1.0, fsrs.retrievability(0, 3.7));
    }

    @Test
    void longGapsStillGrowStabilityAfterARecall() {
        // Ten years away from a 10-day card: R = 0.40368, so a recall is strong evidence.
        Memory memory = new Memory(10, 5);
        assertEquals(0.4036796106, fsrs.retrievability(3650, 10), 1e-9);
        assertEquals(107.126239368, fsrs.nextMemory(memory, 3650, HARD).stability(), 1e-8);
        assertEquals(171.500231740, fsrs.nextMemory(memory, 3650, GOOD).stability(), 1e-8);
        assertEquals(312.473784025, fsrs.nextMemory(memory, 3650, EASY).stability(), 1e-8);
        Memory forgotten = fsrs.nextMemory(memory, 3650, AGAIN);
        assertEquals(3.154459296, forgotten.stability(), 1e-8);
        assertEquals(8.341762369, forgotten.difficulty(), 1e-8);
    }

    @Test
    void lapseNeverRaisesStability() {
        // A weak memory forgotten after 100 days: Sf = 0.054044 exceeds S = 0.05, so the cap decides,
        // S / e^(w17·w18) with the short-term model on and S itself without.
        double s = 0.05;
        double r = fsrs.retrievability(100, s);
        assertEquals(0.310653531, r, 1e-9);
        assertEquals(0.047586400, fsrs.stabilityAfterLapse(5, s, r), 1e-9);
        Fsrs longTerm = new Fsrs(VectorsTest.withShortTerm(FsrsSettings.defaults(), false));
        assertEquals(s, longTerm.stabilityAfterLapse(5, s, r), 1e-15);
        assertEquals(1.391986973, fsrs.stabilityAfterLapse(5, 10, fsrs.retrievability(10, 10)), 1e-8);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.05, 0.212, 1, 2.3065, 10, 100, 1000, 36_500})
    void sameDayHardNeverLowersStability(double s) {
        Memory memory = new Memory(s, 7);
        assertTrue(fsrs.nextMemory(memory, 0, HARD).stability() >= s, "Hard at S=" + s);
        assertTrue(fsrs.nextMemory(memory, 0, GOOD).stability() >= s, "Good at S=" + s);
        assertTrue(fsrs.nextMemory(memory, 0, AGAIN).stability() < s || s == Fsrs.MIN_STABILITY, "Again at S=" + s);
    }

    @Test
    void sameDayHardFloorIsExactlyOne() {
        // Unfloored, SInc for Hard at S=0.212 is e^(0.5425·(-0.9088))·0.212^-0.0658 = 0.676409.
        double raw = Math.exp(0.5425 * (2 - 3 + 0.0912)) * Math.pow(0.212, -0.0658);
        assertEquals(0.676409187, raw, 1e-9);
        assertEquals(0.212, fsrs.shortTermStability(0.212, HARD), 1e-15);
        assertEquals(
                0.212 * Math.exp(0.5425 * (1 - 3 + 0.0912)) * Math.pow(0.212, -0.0658),
                fsrs.shortTermStability(0.212, AGAIN),
                1e-15);
    }

    @Test
    void stabilityIsClampedToItsBounds() {
        Memory huge = fsrs.nextMemory(new Memory(30_000, 1), 30_000, EASY);
        assertEquals(Fsrs.MAX_STABILITY, huge.stability());
        Memory tiny = fsrs.nextMemory(new Memory(0.001, 10), 0, AGAIN);
        assertEquals(Fsrs.MIN_STABILITY, tiny.stability());
    }

    @Test
    void intervalIsAtLeastOneDayAndAtMostTheMaximum() {
        assertEquals(1, fsrs.nextInterval(0.212));
        assertEquals(36_500, fsrs.nextInterval(36_500));
        assertEquals(36_500, fsrs.nextInterval(40_000));
        assertEquals(53.62691, fsrs.exactInterval(53.62691), 1e-9, "at 90 % retention I = S");
    }
}
