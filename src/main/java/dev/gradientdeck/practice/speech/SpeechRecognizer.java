package dev.gradientdeck.practice.speech;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

/** Speech to timed words, as the transcription queue uses it; {@link Transcriber} is the real one. */
public interface SpeechRecognizer extends AutoCloseable {

    ModelStatus status();

    /** Completes once the model is ready or known to be unavailable. */
    CompletableFuture<ModelStatus> settled();

    /** The words of 16 kHz mono audio, telling {@code progress} the share decoded so far. */
    List<TimedWord> transcribe(Wav speech, DoubleConsumer progress);

    @Override
    void close();
}
