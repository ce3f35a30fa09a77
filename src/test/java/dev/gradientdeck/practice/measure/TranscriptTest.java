package dev.gradientdeck.practice.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradientdeck.practice.speech.TimedWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void marksEveryWordOfEachFiller() {
        List<TimedWord> words = List.of(
                new TimedWord("um", 0.0, 0.2),
                new TimedWord("adam", 0.6, 0.9),
                new TimedWord("you", 1.5, 1.6),
                new TimedWord("know", 1.6, 1.8),
                new TimedWord("adapts", 2.4, 2.8));
        List<Filler> fillers = List.of(new Filler("um", 0.0), new Filler("you know", 1.5));

        List<Boolean> marked = Transcript.marked(words, fillers).stream()
                .map(Transcript.Word::filler)
                .toList();

        assertEquals(List.of(true, false, true, true, false), marked);
        assertEquals(0.6, Transcript.marked(words, fillers).get(1).start());
    }

    @Test
    void withoutFillersNothingIsMarked() {
        List<TimedWord> words = List.of(new TimedWord("momentum", 0.1, 0.5));
        assertEquals(List.of(new Transcript.Word("momentum", 0.1, false, false)), Transcript.marked(words, List.of()));
    }
}
