package dev.gradientdeck.practice.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.practice.speech.TimedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeechMetricsTest {

    private static final double WORD = 0.3;
    private static final double FLUENT_GAP = 0.05;
    private static final double COMMA = 0.6;
    private static final double LEADING_SILENCE = 2.0;

    /**
     * Words of 0.3 s with fluent 0.05 s gaps after 2 s of silence; "|" is a 0.6 s pause, where a
     * comma would be.
     */
    private static List<TimedWord> spoken(String text) {
        List<TimedWord> words = new ArrayList<>();
        double t = LEADING_SILENCE;
        for (String token : text.trim().split("\\s+")) {
            if (token.equals("|")) {
                t += COMMA;
            } else {
                words.add(new TimedWord(token, t, t + WORD));
                t += WORD + FLUENT_GAP;
            }
        }
        return words;
    }

    private static List<String> fillers(String text) {
        return SpeechMetrics.report(spoken(text)).fillers().stream()
                .map(Filler::text)
                .toList();
    }

    @Test
    void paceCountsFromFirstWordToLastSoLeadingSilenceDoesNotSlowIt() {
        List<TimedWord> words = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            words.add(new TimedWord("word" + i, 3.0 + 0.4 * i, 3.0 + 0.4 * i + 0.4));
        }
        SpeechReport report = SpeechMetrics.report(words);
        assertEquals(10, report.wordCount());
        assertEquals(4.0, report.speakingSeconds(), 1e-9);
        assertEquals(150.0, report.wordsPerMinute(), 1e-9);
    }

    @Test
    void longestPauseIsBetweenWordsNotBeforeTheFirst() {
        List<TimedWord> words = List.of(
                new TimedWord("adam", 5.0, 5.4),
                new TimedWord("keeps", 5.5, 5.8),
                new TimedWord("two", 7.0, 7.2),
                new TimedWord("averages", 7.6, 8.1));
        assertEquals(1.2, SpeechMetrics.report(words).longestPauseSeconds(), 1e-9);
    }

    @Test
    void wordsGivenOutOfOrderAreMeasuredInSpokenOrder() {
        List<TimedWord> words = List.of(new TimedWord("descent", 1.5, 2.0), new TimedWord("gradient", 1.0, 1.4));
        SpeechReport report = SpeechMetrics.report(words);
        assertEquals("gradient descent", report.transcript());
        assertEquals(0.1, report.longestPauseSeconds(), 1e-9);
    }

    @Test
    void noWordsGiveZeroes() {
        SpeechReport report = SpeechMetrics.report(List.of());
        assertEquals(0, report.wordCount());
        assertEquals(0.0, report.speakingSeconds());
        assertEquals(0.0, report.wordsPerMinute());
        assertEquals(0.0, report.longestPauseSeconds());
        assertEquals(0, report.fillerCount());
        assertEquals("", report.transcript());
    }

    @ParameterizedTest
    @ValueSource(strings = {"um", "uh", "er", "ah", "hmm", "erm"})
    void hesitationSoundsAreFillersAnywhere(String sound) {
        assertEquals(List.of(sound), fillers("the loss " + sound + " goes down"));
        assertEquals(List.of(sound), fillers(sound.toUpperCase() + " momentum helps"));
    }

    @Test
    void fillersReportWhenTheyWereSaid() {
        SpeechReport report = SpeechMetrics.report(spoken("adam um uses moments"));
        assertEquals(1, report.fillerCount());
        assertEquals("um", report.fillers().get(0).text());
        assertEquals(
                LEADING_SILENCE + WORD + FLUENT_GAP, report.fillers().get(0).start(), 1e-9);
    }

    @Test
    void youKnowIsAFillerUnlessItAsksOrTakesAnObject() {
        assertEquals(List.of("you know"), fillers("the loss | you know | goes down"));
        assertEquals(List.of("you know"), fillers("it is you know a bowl"));
        assertEquals(List.of(), fillers("do you know the answer"));
        assertEquals(List.of(), fillers("as you know adam is adaptive"));
        assertEquals(List.of(), fillers("you know that adam is adaptive"));
    }

    @Test
    void kindOfAndSortOfAreFillersUnlessTheyNameAKind() {
        assertEquals(List.of("kind of"), fillers("the model kind of overfits"));
        assertEquals(List.of("sort of"), fillers("it sort of converges"));
        assertEquals(List.of(), fillers("dropout is a kind of regularization"));
        assertEquals(List.of(), fillers("what sort of model is it"));
        assertEquals(List.of(), fillers("all kinds of models"));
    }

    @Test
    void likeSetApartByPausesOrBesideAHesitationIsAFiller() {
        assertEquals(List.of("like"), fillers("so | like | the gradient points uphill"));
        assertEquals(List.of("like"), fillers("like we scale the step"));
        assertEquals(List.of("like"), fillers("the loss is like | huge"));
        assertEquals(List.of("um", "like"), fillers("the loss is um like big"));
        assertEquals(List.of("like"), fillers("i | like | think it converges"));
    }

    @Test
    void likeAsVerbOrComparisonIsNotAFiller() {
        assertEquals(List.of(), fillers("i like adam"));
        assertEquals(List.of(), fillers("it looks like a bowl"));
        assertEquals(List.of(), fillers("something like momentum helps"));
        assertEquals(List.of(), fillers("i like | adam for this"));
        assertEquals(List.of(), fillers("the surface is like a bowl"));
    }

    @Test
    void everyKindOfFillerIsCountedInOneAnswer() {
        SpeechReport report = SpeechMetrics.report(spoken(
                "um so | like | the gradient uh kind of points uphill | you know | and we er step the other way hmm"));
        assertEquals(
                List.of("um", "like", "uh", "kind of", "you know", "er", "hmm"),
                report.fillers().stream().map(Filler::text).toList());
        assertEquals(7, report.fillerCount());
        assertTrue(report.longestPauseSeconds() >= COMMA);
    }
}
