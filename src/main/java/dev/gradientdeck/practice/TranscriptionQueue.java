package dev.gradientdeck.practice;

import dev.gradientdeck.practice.PracticeAttempt.Point;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.PracticeRepository.Measures;
import dev.gradientdeck.practice.coverage.KeyPoint;
import dev.gradientdeck.practice.coverage.KeyPoints;
import dev.gradientdeck.practice.measure.DeckVocabulary;
import dev.gradientdeck.practice.measure.SpeechMetrics;
import dev.gradientdeck.practice.measure.SpeechReport;
import dev.gradientdeck.practice.speech.ModelStatus;
import dev.gradientdeck.practice.speech.SpeechRecognizer;
import dev.gradientdeck.practice.speech.TimedWord;
import dev.gradientdeck.practice.speech.VoiceActivity;
import dev.gradientdeck.practice.speech.Wav;
import dev.gradientdeck.practice.speech.WavAudio;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns recordings into transcripts and measures one at a time, off the request threads: a
 * transcription keeps a core busy for about a third of the audio's length, and the machine has two
 * cores that the web server needs too.
 *
 * <p>The speech model is prepared on first use (the first practice page or recording), not when the
 * app starts: a learner who only reviews never pays for unpacking and loading it, and neither does
 * every test that starts the app.
 */
public final class TranscriptionQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TranscriptionQueue.class);

    /** Recordings that may wait for transcription at once; a new one beyond is refused (503). */
    public static final int MAX_WAITING = 6;

    /** A recording with less voice than this holds no answer. */
    static final double MIN_SPEECH_SECONDS = 1.0;

    private final PracticeRepository repository;
    private final Recordings recordings;
    private final Supplier<? extends SpeechRecognizer> startSpeech;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "transcription");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Double> progress = new ConcurrentHashMap<>();
    private SpeechRecognizer transcriber;
    /** Recordings queued or being transcribed now. */
    private final AtomicInteger waiting = new AtomicInteger();

    private boolean closed;

    /**
     * {@code startSpeech} starts preparing the speech model, such as {@code () ->
     * Transcriber.start(modelFolder)}.
     */
    public TranscriptionQueue(
            PracticeRepository repository, Recordings recordings, Supplier<? extends SpeechRecognizer> startSpeech) {
        this.repository = repository;
        this.recordings = recordings;
        this.startSpeech = startSpeech;
    }

    /** Where the speech model is; the first call starts preparing it. */
    public ModelStatus modelStatus() {
        return speech().status();
    }

    /**
     * Queues a recording; one that arrives while the app shuts down stays queued and is taken up at
     * the next start.
     */
    public void submit(long attemptId) {
        waiting.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    transcribe(attemptId);
                } finally {
                    waiting.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            waiting.decrementAndGet();
            log.info("Attempt {} stays queued: the app is shutting down", attemptId);
        }
    }

    /**
     * Whether {@link #MAX_WAITING} recordings wait already: each holds a core for a third of its
     * length, so more would only wait longer while the page says nothing.
     */
    public boolean full() {
        return waiting.get() >= MAX_WAITING;
    }

    /** The share of the attempt's audio decoded so far, while it is being transcribed. */
    public Optional<Double> progress(long attemptId) {
        return Optional.ofNullable(progress.get(attemptId));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closed = true;
            if (transcriber != null) {
                transcriber.close();
            }
        }
    }

    private synchronized SpeechRecognizer speech() {
        if (closed) {
            throw new IllegalStateException("the transcription queue is closed");
        }
        if (transcriber == null) {
            transcriber = startSpeech.get();
        }
        return transcriber;
    }

    private void transcribe(long id) {
        Optional<PracticeAttempt> found = repository.find(id);
        if (found.isEmpty() || !found.get().status().pending()) {
            return;
        }
        PracticeAttempt attempt = found.get();
        progress.put(id, 0.0);
        try {
            Wav audio = WavAudio.read(recordings.file(attempt.audioPath()));
            VoiceActivity track = VoiceActivity.of(audio);
            if (track.speechSeconds() < MIN_SPEECH_SECONDS) {
                repository.markNoSpeech(id, track.loudestDb(), nothingHeard(track.loudestDb()));
                return;
            }
            SpeechRecognizer speech = speech();
            ModelStatus model = speech.settled().get();
            if (model instanceof ModelStatus.Unavailable unavailable) {
                repository.markStatus(id, Status.UNAVAILABLE, unavailable.reason());
                return;
            }
            repository.markStatus(id, Status.TRANSCRIBING, null);
            List<KeyPoint> points =
                    attempt.points().stream().map(Point::keyPoint).toList();
            // The card's own terms help the recognizer's near misses ("radiant" for "gradient").
            Set<String> terms = new HashSet<>();
            points.forEach(p -> terms.addAll(p.terms()));
            List<TimedWord> words = DeckVocabulary.snap(
                    speech.transcribe(audio, done -> progress.put(id, done)).stream()
                            .sorted(Comparator.comparingDouble(TimedWord::start))
                            .toList(),
                    terms);
            SpeechReport report = SpeechMetrics.report(words, track);
            repository.saveMeasures(
                    id, new Measures(words, report, true, KeyPoints.coverage(points, report.transcript())));
        } catch (InterruptedException | CancellationException shuttingDown) {
            // The attempt stays queued or "transcribing" and is queued again at the next start.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            repository.markStatus(id, Status.FAILED, "The recording file could not be read: " + e.getMessage());
        } catch (ExecutionException | RuntimeException | Error e) {
            // An Error too (out of memory on a long recording): the attempt must not stay
            // "transcribing" until a restart, so it says it failed and can be tried again.
            log.warn("Transcribing attempt {} failed", id, e);
            repository.markStatus(
                    id,
                    Status.FAILED,
                    "Transcription failed ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + "); you can try again.");
        } finally {
            progress.remove(id);
        }
    }

    /** What a learner whose microphone heard nothing is told, with the level it did hear. */
    static String nothingHeard(double loudestDb) {
        return "The microphone heard nothing: the loudest sound in the recording was "
                + Math.round(loudestDb)
                + " dB, where speech is usually louder than "
                + Math.round(VoiceActivity.QUIETEST_SPEECH_DB)
                + " dB. Check that the right microphone is on and not muted, then answer again.";
    }
}
