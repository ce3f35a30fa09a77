package dev.gradientdeck.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.PracticeRepository.NewAttempt;
import dev.gradientdeck.practice.coverage.KeyPoints;
import dev.gradientdeck.practice.speech.ModelStatus;
import dev.gradientdeck.practice.speech.SpeechRecognizer;
import dev.gradientdeck.practice.speech.TimedWord;
import dev.gradientdeck.practice.speech.Transcriber;
import dev.gradientdeck.practice.speech.Wav;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.settings.TestSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the speech model cannot load, recordings are kept and marked so, and everything else works.
 */
class PracticeWithoutSpeechTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static final LearnerClock LEARNER = new LearnerClock(CLOCK, ZoneOffset.UTC, 4);

    @TempDir
    Path dir;

    Database database;
    CardRepository cards;
    Reviews reviews;
    Practice practice;
    long cardId;

    @BeforeEach
    void open() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("momentum.md"), """
        # Momentum
        # Question
        What does momentum do?
        # Key points
        - It averages past gradients
        - It damps oscillation across a valley
        """);
        database = Database.open(dir.resolve("app.sqlite"));
        cards = new CardRepository(database.jdbi());
        new DeckImporter(
                        new DeckFolder(deck),
                        cards,
                        new PaperImportRepository(database.jdbi()),
                        TestSettings.on(LEARNER))
                .sync("test");
        cardId = cards.idOfSlug("momentum").orElseThrow();
        reviews = new Reviews(
                new ReviewRepository(database.jdbi()),
                new dev.gradientdeck.review.QueueChoiceRepository(database.jdbi()),
                new dev.gradientdeck.db.DataVersion(database.jdbi()),
                TestSettings.on(LEARNER),
                dev.gradientdeck.review.FsrsSettings.DEFAULT_WEIGHTS);
    }

    @AfterEach
    void close() {
        if (practice != null) {
            practice.close();
        }
        database.close();
    }

    private Practice practiceWithoutModel() {
        return Practice.open(
                new PracticeRepository(database.jdbi()),
                dir,
                cards,
                new Grading(reviews),
                () -> LEARNER,
                () -> Transcriber.start(dir.resolve("models"), Optional::empty));
    }

    private static byte[] wav() throws Exception {
        try (InputStream in = PracticeWithoutSpeechTest.class.getResourceAsStream("/practice/learning-rate.wav")) {
            return in.readAllBytes();
        }
    }

    /** The recording as an upload leaves it: a temporary file that answering takes over. */
    private Path upload() throws Exception {
        Path file = Files.createTempFile(dir, "upload-", ".wav");
        Files.write(file, wav());
        return file;
    }

    private PracticeAttempt settled(long id) throws InterruptedException {
        PracticeAttempt attempt = practice.attempt(id);
        for (int i = 0; i < 200 && attempt.status().pending(); i++) {
            Thread.sleep(50);
            attempt = practice.attempt(id);
        }
        return attempt;
    }

    /** A recognizer under the test's control: it waits for {@code go}, then fails or answers. */
    private static final class FakeSpeech implements SpeechRecognizer {
        final CompletableFuture<ModelStatus> ready = new CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public ModelStatus status() {
            return ready.isDone() ? new ModelStatus.Ready() : new ModelStatus.Preparing();
        }

        @Override
        public CompletableFuture<ModelStatus> settled() {
            return ready;
        }

        @Override
        public List<TimedWord> transcribe(Wav speech, java.util.function.DoubleConsumer progress) {
            if (failures.getAndDecrement() > 0) {
                throw new OutOfMemoryError("Java heap space");
            }
            return List.of(new TimedWord("momentum", 0.5, 1.0), new TimedWord("averages", 1.0, 1.6));
        }

        @Override
        public void close() {}
    }

    private Practice practiceWith(FakeSpeech speech) {
        return Practice.open(
                new PracticeRepository(database.jdbi()), dir, cards, new Grading(reviews), () -> LEARNER, () -> speech);
    }

    /** Issue 12, item 9: an Error in the worker left the attempt "transcribing" until a restart. */
    @Test
    void aTranscriptionThatRunsOutOfMemorySaysSoAndCanBeTriedAgain() throws Exception {
        FakeSpeech speech = new FakeSpeech();
        speech.failures.set(1);
        speech.ready.complete(new ModelStatus.Ready());
        practice = practiceWith(speech);
        PracticeAttempt failed =
                settled(practice.answerAloud(cardId, upload(), Optional.empty()).id());
        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.statusMessage().contains("try again"), failed.statusMessage());

        practice.retranscribe(failed.id());
        PracticeAttempt done = settled(failed.id());
        assertEquals(Status.DONE, done.status());
        assertEquals("momentum averages", done.transcript());
    }

    /** Issue 12, item 9: recordings queued without bound exhausted memory. */
    @Test
    void theQueueTakesAtMostItsShareOfRecordingsAndRefusesTheNextAsBusy() throws Exception {
        FakeSpeech speech = new FakeSpeech();
        practice = practiceWith(speech);
        for (int i = 0; i < TranscriptionQueue.MAX_WAITING; i++) {
            practice.answerAloud(cardId, upload(), Optional.empty());
        }
        Path refusedUpload = upload();
        Practice.Refused busy = assertThrows(
                Practice.Refused.class, () -> practice.answerAloud(cardId, refusedUpload, Optional.empty()));
        assertEquals(Practice.Refused.Reason.BUSY, busy.reason());
        assertTrue(busy.getMessage().contains("again in a minute"), busy.getMessage());
        assertEquals(
                TranscriptionQueue.MAX_WAITING,
                practice.repository().history(Optional.empty(), 100).size());
        speech.ready.complete(new ModelStatus.Ready());
    }

    /** Issue 18, item 2: fifteen silent seconds came back "done" with green ticks. */
    @Test
    void aSilentRecordingIsNoSpeechWithTheLevelHeardAndNoMeasures() throws Exception {
        FakeSpeech speech = new FakeSpeech();
        speech.ready.complete(new ModelStatus.Ready());
        practice = practiceWith(speech);
        short[] hiss = new short[15 * 16_000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < hiss.length; i++) {
            hiss[i] = (short) Math.round(random.nextGaussian() * 20);
        }
        Path file = Files.createTempFile(dir, "silence-", ".wav");
        Files.write(file, WavFiles.mono16k(hiss));
        PracticeAttempt attempt =
                settled(practice.answerAloud(cardId, file, Optional.empty()).id());
        assertEquals(Status.NO_SPEECH, attempt.status());
        assertTrue(attempt.statusMessage().contains("heard nothing"), attempt.statusMessage());
        // Gaussian noise of standard deviation 20 is 20*log10(20/32768) = -64 dB RMS; 30 ms frames
        // of it vary by a dB or so.
        assertEquals(-64, attempt.loudestDb(), 2);
        assertTrue(attempt.statusMessage().contains(Math.round(attempt.loudestDb()) + " dB"), attempt.statusMessage());
        assertNull(attempt.wordsPerMinute());
        assertNull(attempt.fillerCount());
        assertNull(attempt.longestPauseSeconds());
        assertTrue(attempt.points().stream().allMatch(p -> p.suggested() == null && p.covered() == null));
    }

    @Test
    void aRecordingIsKeptMarkedUnavailableAndCanStillBeCheckedAndRated() throws Exception {
        practice = practiceWithoutModel();
        PracticeAttempt attempt =
                settled(practice.answerAloud(cardId, upload(), Optional.empty()).id());

        assertEquals(Status.UNAVAILABLE, attempt.status());
        assertTrue(attempt.statusMessage().contains("vosk-model-en"), attempt.statusMessage());
        assertTrue(Files.isRegularFile(practice.recordings().file(attempt.audioPath())));
        assertEquals(LocalDate.of(2026, 3, 10), attempt.dayKey());
        assertEquals(
                Arrays.asList(null, null),
                attempt.points().stream().map(PracticeAttempt.Point::suggested).toList());

        assertEquals(
                List.of(true, false),
                practice.checkPoints(attempt.id(), Set.of(0)).points().stream()
                        .map(PracticeAttempt.Point::covered)
                        .toList());
        assertEquals(
                Rating.HARD.value(), practice.rate(attempt.id(), Rating.HARD).rating());
        assertEquals(1, reviews.of(cardId).reps());

        assertEquals(Status.QUEUED, practice.retranscribe(attempt.id()).status());
        assertEquals(Status.UNAVAILABLE, settled(attempt.id()).status());
        assertEquals(
                Status.DONE,
                practice.answerInWriting(cardId, "It averages past gradients.", Optional.empty())
                        .status());
    }

    @Test
    void recordingsLeftWithoutATranscriptAreQueuedAgainAtStart() throws Exception {
        Recordings recordings = new Recordings(dir);
        String path = recordings.store(wav(), LocalDate.of(2026, 3, 10));
        long id = new PracticeRepository(database.jdbi())
                .insert(
                        new NewAttempt(
                                cardId,
                                CLOCK.instant(),
                                LocalDate.of(2026, 3, 10),
                                PracticeAttempt.Mode.SPOKEN,
                                Status.TRANSCRIBING,
                                null,
                                path,
                                1L,
                                6.6,
                                KeyPoints.fromTexts(List.of("It averages past gradients")),
                                null),
                        Optional.empty());

        practice = practiceWithoutModel();

        assertEquals(Status.UNAVAILABLE, settled(id).status(), "taken up again, and finding no model this time");
    }
}
