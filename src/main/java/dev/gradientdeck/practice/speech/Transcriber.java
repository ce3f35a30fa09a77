package dev.gradientdeck.practice.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Offline speech-to-text with Vosk. The model is made ready in the background (unpacking it the
 * first time takes a while and loading it a few seconds), so the app starts at once and shows
 * {@link #status()} meanwhile. Whatever goes wrong (no native library for this platform, no model)
 * ends in {@link ModelStatus.Unavailable} with the reason: practice then works with typed answers,
 * and the app never fails because of speech.
 *
 * <p>Safe to call from several threads: each transcription has its own recognizer over the shared
 * model. Each one keeps a core busy for a fraction of the audio's length, so callers on a small
 * machine should queue them.
 */
public final class Transcriber implements SpeechRecognizer {

    private static final Logger log = LoggerFactory.getLogger(Transcriber.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Half a second per call: short enough for the recognizer to cut utterances at pauses as it
     * goes.
     */
    private static final int CHUNK_SAMPLES = WavAudio.SPEECH_SAMPLE_RATE / 2;

    /**
     * Transcriptions share the model (read lock); closing frees it (write lock) and must not pull
     * it from under one.
     */
    private final ReadWriteLock modelLock = new ReentrantReadWriteLock();

    private final CompletableFuture<ModelStatus> settled = new CompletableFuture<>();
    private volatile ModelStatus status = new ModelStatus.Preparing();
    private Model model;
    private boolean closed;

    private Transcriber() {}

    /**
     * Starts making the model ready, unpacking it into {@code cacheDir} if needed, and returns at
     * once.
     */
    public static Transcriber start(Path cacheDir) {
        return start(cacheDir, ModelArchive::locate);
    }

    public static Transcriber start(Path cacheDir, Supplier<Optional<Path>> findArchive) {
        Transcriber transcriber = new Transcriber();
        Thread preparation = new Thread(() -> transcriber.prepare(cacheDir, findArchive), "speech-model");
        preparation.setDaemon(true);
        preparation.start();
        return transcriber;
    }

    @Override
    public ModelStatus status() {
        return status;
    }

    /**
     * Completes with {@link ModelStatus.Ready} or {@link ModelStatus.Unavailable} once preparation
     * is over.
     */
    @Override
    public CompletableFuture<ModelStatus> settled() {
        return settled.copy();
    }

    /**
     * The words of a WAV recording with their timings.
     *
     * @throws InvalidWavException when the bytes are not 16-bit PCM WAV
     * @throws IllegalStateException when the model is not ready (see {@link #status()})
     */
    public List<TimedWord> transcribe(byte[] wav) {
        return transcribe(wav, done -> {});
    }

    /**
     * As {@link #transcribe(byte[])}, telling {@code progress} the share of the audio decoded so
     * far (0 to 1) after each chunk. An interrupted thread stops at the next chunk with a {@link
     * CancellationException}, so shutting down never waits for a long recording to finish.
     */
    public List<TimedWord> transcribe(byte[] wav, DoubleConsumer progress) {
        return transcribe(WavAudio.parse(wav), progress);
    }

    /** As {@link #transcribe(byte[], DoubleConsumer)}, over audio already read. */
    @Override
    public List<TimedWord> transcribe(Wav audio, DoubleConsumer progress) {
        Wav speech = WavAudio.toSpeechFormat(audio);
        modelLock.readLock().lock();
        try {
            if (model == null) {
                throw new IllegalStateException("speech recognition is not ready: " + status);
            }
            return recognize(model, speech.samples(), progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            modelLock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        modelLock.writeLock().lock();
        try {
            closed = true;
            if (model != null) {
                model.close();
                model = null;
            }
        } finally {
            modelLock.writeLock().unlock();
        }
    }

    private void prepare(Path cacheDir, Supplier<Optional<Path>> findArchive) {
        long startedAt = System.nanoTime();
        ModelStatus outcome;
        try {
            outcome = loadModel(cacheDir, findArchive);
        } catch (Exception | LinkageError e) {
            outcome = new ModelStatus.Unavailable("the speech model could not be prepared: " + firstLine(e));
        }
        if (outcome instanceof ModelStatus.Unavailable unavailable) {
            log.warn("Speech recognition unavailable: {}", unavailable.reason());
        } else {
            log.info("Speech model ready in {} ms", (System.nanoTime() - startedAt) / 1_000_000);
        }
        status = outcome;
        settled.complete(outcome);
    }

    private ModelStatus loadModel(Path cacheDir, Supplier<Optional<Path>> findArchive) throws IOException {
        Optional<String> libraryProblem = speechLibraryProblem();
        if (libraryProblem.isPresent()) {
            return new ModelStatus.Unavailable(libraryProblem.get());
        }
        Optional<Path> archive = findArchive.get();
        if (archive.isEmpty()) {
            return new ModelStatus.Unavailable(
                    "the speech model (com.alphacephei:vosk-model-en) is neither in the app's"
                            + " jar nor in the local Maven repository");
        }
        Path folder = ModelArchive.unpack(
                archive.get(), cacheDir, (done, total) -> status = new ModelStatus.Unpacking(done, total));
        status = new ModelStatus.Preparing();
        Model loaded = new Model(folder.toString());
        modelLock.writeLock().lock();
        try {
            if (closed) {
                loaded.close();
                return new ModelStatus.Unavailable("the transcriber was closed");
            }
            model = loaded;
            return new ModelStatus.Ready();
        } finally {
            modelLock.writeLock().unlock();
        }
    }

    /**
     * Loading Vosk's class loads its native library (shipped for Linux x86-64, macOS and Windows):
     * checked first so that on another platform the model is not unpacked for nothing.
     */
    private static Optional<String> speechLibraryProblem() {
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            return Optional.empty();
        } catch (LinkageError e) {
            return Optional.of("the speech library does not load on "
                    + System.getProperty("os.name")
                    + " "
                    + System.getProperty("os.arch")
                    + ": "
                    + firstLine(e));
        }
    }

    /**
     * JNA's messages go on to list every folder it searched: the first line says what went wrong.
     */
    private static String firstLine(Throwable e) {
        return e.toString().lines().findFirst().orElse("").strip();
    }

    private static List<TimedWord> recognize(Model model, short[] samples, DoubleConsumer progress) throws IOException {
        List<TimedWord> words = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(model, WavAudio.SPEECH_SAMPLE_RATE)) {
            recognizer.setWords(true);
            for (int from = 0; from < samples.length; from += CHUNK_SAMPLES) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("transcription interrupted");
                }
                progress.accept((double) from / samples.length);
                short[] chunk = Arrays.copyOfRange(samples, from, Math.min(samples.length, from + CHUNK_SAMPLES));
                if (recognizer.acceptWaveForm(chunk, chunk.length)) {
                    words.addAll(wordsOf(recognizer.getResult()));
                }
            }
            words.addAll(wordsOf(recognizer.getFinalResult()));
            progress.accept(1.0);
        }
        return words;
    }

    /**
     * The words of one Vosk result: {@code {"result": [{"word", "start", "end", "conf"}...],
     * "text"}}. A result with nothing recognized has no "result" field.
     */
    static List<TimedWord> wordsOf(String voskJson) {
        try {
            List<TimedWord> words = new ArrayList<>();
            for (JsonNode word : JSON.readTree(voskJson).path("result")) {
                words.add(new TimedWord(
                        word.path("word").asText(),
                        word.path("start").asDouble(),
                        word.path("end").asDouble()));
            }
            return words;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable result from the speech recognizer: " + voskJson, e);
        }
    }
}
