package dev.gradientdeck.practice;

import dev.gradientdeck.practice.coverage.KeyPoint;
import dev.gradientdeck.practice.coverage.KeyPoints;
import dev.gradientdeck.practice.measure.SpeechMetrics;
import dev.gradientdeck.practice.measure.SpeechReport;
import dev.gradientdeck.practice.speech.ModelStatus;
import dev.gradientdeck.practice.speech.TimedWord;
import dev.gradientdeck.practice.speech.Transcriber;

import dev.gradientdeck.practice.PracticeAttempt.Point;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.PracticeRepository.Measures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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

    private final PracticeRepository repository;
    private final Recordings recordings;
    private final Supplier<Transcriber> startSpeech;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    task -> {
                        Thread thread = new Thread(task, "transcription");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final Map<Long, Double> progress = new ConcurrentHashMap<>();
    private Transcriber transcriber;
    private boolean closed;

    /**
     * {@code startSpeech} starts preparing the speech model, such as {@code () ->
     * Transcriber.start(modelFolder)}.
     */
    public TranscriptionQueue(
            PracticeRepository repository,
            Recordings recordings,
            Supplier<Transcriber> startSpeech) {
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
        try {
            worker.execute(() -> transcribe(attemptId));
        } catch (RejectedExecutionException shuttingDown) {
            log.info("Attempt {} stays queued: the app is shutting down", attemptId);
        }
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

    private synchronized Transcriber speech() {
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
        Transcriber speech = speech();
        ModelStatus model;
        try {
            model = speech.settled().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "speech model preparation never fails, it settles as unavailable", e);
        }
        if (model instanceof ModelStatus.Unavailable unavailable) {
            repository.markStatus(id, Status.UNAVAILABLE, unavailable.reason());
            return;
        }
        repository.markStatus(id, Status.TRANSCRIBING, null);
        progress.put(id, 0.0);
        try {
            List<TimedWord> words =
                    speech
                            .transcribe(
                                    recordings.read(attempt.audioPath()),
                                    done -> progress.put(id, done))
                            .stream()
                            .sorted(Comparator.comparingDouble(TimedWord::start))
                            .toList();
            SpeechReport report = SpeechMetrics.report(words);
            List<KeyPoint> points = attempt.points().stream().map(Point::keyPoint).toList();
            repository.saveMeasures(
                    id,
                    new Measures(
                            words, report, true, KeyPoints.coverage(points, report.transcript())));
        } catch (CancellationException shuttingDown) {
            // The attempt stays "transcribing" and is queued again at the next start.
        } catch (IOException e) {
            repository.markStatus(
                    id, Status.FAILED, "The recording file could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Transcribing attempt {} failed", id, e);
            repository.markStatus(id, Status.FAILED, "Transcription failed: " + e.getMessage());
        } finally {
            progress.remove(id);
        }
    }
}
