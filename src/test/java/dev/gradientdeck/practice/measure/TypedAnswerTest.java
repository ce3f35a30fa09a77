package dev.gradientdeck.practice.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypedAnswerTest {

    private static List<String> fillers(String text) {
        return SpeechMetrics.report(TypedAnswer.words(text)).fillers().stream()
                .map(Filler::text)
                .toList();
    }

    @Test
    void keepsTheTextAsTypedWithItsPunctuation() {
        String text = "Adam keeps two averages:  the gradient — and its square.";
        SpeechReport report = SpeechMetrics.report(TypedAnswer.words(text));
        assertEquals("Adam keeps two averages: the gradient — and its square.", report.transcript());
        assertEquals(9, report.wordCount(), "a dash on its own is not a word");
    }

    @Test
    void punctuationStandsInForThePausesThatMarkFillers() {
        assertEquals(List.of("um", "like"), fillers("Um, the step is, like, too large."));
        assertEquals(List.of(), fillers("I like the step size here."));
        assertEquals(List.of("you know"), fillers("It diverges, you know, when the rate is large."));
        assertEquals(List.of(), fillers("Do you know why it diverges?"));
    }

    @Test
    void anEmptyTextHasNoWords() {
        assertEquals(List.of(), TypedAnswer.words("   "));
    }
}
