package dev.gradientdeck.practice.measure;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.practice.SpokenAudio;
import dev.gradientdeck.practice.speech.ModelStatus;
import dev.gradientdeck.practice.speech.TimedWord;
import dev.gradientdeck.practice.speech.Transcriber;
import dev.gradientdeck.practice.speech.WavAudio;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Term recall on a fixed set of spoken ML sentences: how many of the deck's terms said by
 * espeak-ng come out of the recognizer, before and after snapping near misses to the deck's words.
 */
class TermRecallTest {

    private static final List<String> SENTENCES = List.of(
            "Gradient descent follows the negative gradient of the loss.",
            "Momentum keeps a running average of past gradients.",
            "Dropout switches off random neurons during training.",
            "Regularization keeps the weights small to prevent overfitting.",
            "Backpropagation computes every gradient with the chain rule.",
            "The softmax turns logits into probabilities.",
            "Attention lets the transformer weigh every token.",
            "An embedding maps each token to a vector.");

    private static final Set<String> TERMS = Set.of(
            "gradient",
            "descent",
            "momentum",
            "dropout",
            "regularization",
            "overfitting",
            "backpropagation",
            "softmax",
            "logits",
            "attention",
            "transformer",
            "embedding",
            "neurons",
            "probabilities");

    @TempDir
    Path temp;

    @Test
    void snappingToTheDecksTermsRecallsMoreOfThem() throws Exception {
        SpokenAudio audio = new SpokenAudio(temp);
        try (Transcriber transcriber = Transcriber.start(Path.of("target", "practice-models"))) {
            ModelStatus status = transcriber.settled().get(5, TimeUnit.MINUTES);
            assertInstanceOf(ModelStatus.Ready.class, status);
            int said = 0;
            int before = 0;
            int after = 0;
            int wrong = 0;
            for (String sentence : SENTENCES) {
                List<TimedWord> words = transcriber.transcribe(WavAudio.read(audio.say(sentence)), done -> {});
                List<TimedWord> snapped = DeckVocabulary.snap(words, TERMS);
                for (String term : TERMS) {
                    if (sentence.toLowerCase(Locale.ROOT).contains(term)) {
                        said++;
                        before += words.stream().anyMatch(w -> w.word().equals(term)) ? 1 : 0;
                        after += snapped.stream().anyMatch(w -> w.word().equals(term)) ? 1 : 0;
                    }
                }
                for (TimedWord w : snapped) {
                    if (TERMS.contains(w.word())
                            && !sentence.toLowerCase(Locale.ROOT).contains(w.word())) {
                        wrong++;
                    }
                }
                System.out.println(
                        "HEARD " + SpeechMetrics.transcript(words) + " | SNAPPED " + SpeechMetrics.transcript(snapped));
            }
            System.out.printf(
                    "TERM RECALL before %d of %d, after %d of %d; %d terms put where none was said%n",
                    before, said, after, said, wrong);
            assertTrue(wrong <= 1, wrong + " terms snapped where none was said");
            assertTrue(after >= before, "snapping never loses a term");
            assertTrue(after > before, "snapping recalls more terms: " + before + " -> " + after);
        }
    }
}
