package dev.gradientdeck.practice.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradientdeck.practice.measure.SpeechTargets.Verdict;
import org.junit.jupiter.api.Test;

class SpeechTargetsTest {

    @Test
    void paceIsGoodFrom120To160WordsAMinute() {
        assertEquals(Verdict.LOW, SpeechTargets.pace(119.9));
        assertEquals(Verdict.GOOD, SpeechTargets.pace(120));
        assertEquals(Verdict.GOOD, SpeechTargets.pace(160));
        assertEquals(Verdict.HIGH, SpeechTargets.pace(161));
    }

    @Test
    void fillersAreCountedPerMinuteOfSpeaking() {
        assertEquals(4.0, SpeechTargets.fillersPerMinute(6, 90), 1e-9);
        assertEquals(0.0, SpeechTargets.fillersPerMinute(3, 0), "no speaking time, no rate");
        assertEquals(Verdict.GOOD, SpeechTargets.fillers(2.0));
        assertEquals(Verdict.HIGH, SpeechTargets.fillers(2.1));
    }

    @Test
    void pausesAndCoverageHaveTheirOwnThresholds() {
        assertEquals(Verdict.GOOD, SpeechTargets.pause(3.0));
        assertEquals(Verdict.HIGH, SpeechTargets.pause(3.5));
        assertEquals(Verdict.GOOD, SpeechTargets.coverage(0.8));
        assertEquals(Verdict.LOW, SpeechTargets.coverage(0.6));
    }
}
