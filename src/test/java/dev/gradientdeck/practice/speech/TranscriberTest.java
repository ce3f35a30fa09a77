package dev.gradientdeck.practice.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradientdeck.practice.measure.SpeechMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriberTest {

    /** Shared by runs so the 68 MB model is unpacked once per build, not once per test. */
    private static final Path MODEL_CACHE = Path.of("target", "practice-models");

    @TempDir
    Path temp;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TranscriberTest.class.getResourceAsStream("/practice/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsWordsAndTimingsFromVoskResults() {
        String json = """
        {
          "result" : [{"conf" : 1.0, "end" : 0.84, "start" : 0.27, "word" : "gradient"},
                      {"conf" : 0.93, "end" : 1.32, "start" : 0.84, "word" : "descent"}],
          "text" : "gradient descent"
        }""";
        assertEquals(
                List.of(new TimedWord("gradient", 0.27, 0.84), new TimedWord("descent", 0.84, 1.32)),
                Transcriber.wordsOf(json));
        assertEquals(List.of(), Transcriber.wordsOf("{\"text\" : \"\"}"));
    }

    @Test
    void withoutTheModelItReportsUnavailableInsteadOfFailing() throws Exception {
        try (Transcriber transcriber = Transcriber.start(temp, Optional::empty)) {
            ModelStatus settled = transcriber.settled().get(60, TimeUnit.SECONDS);
            ModelStatus.Unavailable unavailable = assertInstanceOf(ModelStatus.Unavailable.class, settled);
            assertTrue(unavailable.reason().contains("vosk"), unavailable.reason());
            assertEquals(settled, transcriber.status());
            byte[] wav = resource("learning-rate.wav");
            assertThrows(IllegalStateException.class, () -> transcriber.transcribe(wav));
            assertThrows(InvalidWavException.class, () -> transcriber.transcribe(new byte[] {1, 2, 3}));
        }
    }

    /**
     * Vosk ships native libraries for these platforms only; elsewhere "unavailable" is the expected
     * outcome.
     */
    private static boolean voskSupportsThisPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        return (os.contains("linux") || os.contains("windows")) && x64 || os.contains("mac");
    }

    @Test
    void transcribesASpokenSentence() throws Exception {
        assumeTrue(voskSupportsThisPlatform(), "no Vosk native library for this platform");
        String sentence = new String(resource("learning-rate.txt"), StandardCharsets.UTF_8);
        try (Transcriber transcriber = Transcriber.start(MODEL_CACHE)) {
            ModelStatus settled = transcriber.settled().get(5, TimeUnit.MINUTES);
            assertInstanceOf(ModelStatus.Ready.class, settled, () -> "model not ready: " + settled);

            byte[] wav = resource("learning-rate.wav");
            List<Double> progress = new ArrayList<>();
            List<TimedWord> words = transcriber.transcribe(wav, progress::add);

            Set<String> heard = words.stream().map(TimedWord::word).collect(Collectors.toSet());
            List<String> said = Arrays.stream(sentence.toLowerCase(Locale.ROOT).split("[^a-z']+"))
                    .filter(w -> !w.isEmpty())
                    .toList();
            long recognized = said.stream().filter(heard::contains).count();
            assertTrue(
                    recognized >= 0.7 * said.size(),
                    "recognized " + recognized + " of " + said.size() + " words: " + SpeechMetrics.transcript(words));
            for (int i = 1; i < words.size(); i++) {
                assertTrue(words.get(i).start() >= words.get(i - 1).start(), "words come in spoken order");
            }
            double duration = WavAudio.parse(wav).durationSeconds();
            assertTrue(words.get(0).start() >= 0.2, "the leading 0.3 s of silence holds no word");
            assertTrue(words.get(words.size() - 1).end() <= duration, "timings lie within the recording");
            assertEquals(1.0, progress.get(progress.size() - 1), "progress ends at the whole recording");
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress only grows");
            }
        }
    }
}
