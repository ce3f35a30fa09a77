package dev.gradientdeck.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.practice.speech.WavAudio;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PracticeOptionsTest {

    @Test
    void defaultsAreThreeQuestionsFifteenSecondsToThinkAndTwoMinutesToAnswer() {
        PracticeOptions options = PracticeOptions.defaults();
        assertEquals(3, options.count());
        assertEquals(15, options.thinkSeconds());
        assertEquals(120, options.answerSeconds());
        assertEquals(List.of(), options.tags());
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheSetting() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> new PracticeOptions(3, List.of(), 15, 601, Optional.empty()));
        assertEquals("answer time must be 10 to 600 seconds, not 601", e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> new PracticeOptions(0, List.of(), 15, 120, Optional.empty()));
        assertThrows(
                IllegalArgumentException.class, () -> new PracticeOptions(3, List.of(), -1, 120, Optional.empty()));
    }

    @Test
    void theLongestAnswerStillFitsUnderTheUploadLimit() {
        long wavBytes = 44 + 2L * WavAudio.SPEECH_SAMPLE_RATE * PracticeOptions.MAX_ANSWER_SECONDS;
        assertTrue(wavBytes < WavAudio.MAX_BYTES, wavBytes + " bytes");
    }
}
