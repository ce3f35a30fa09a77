package dev.gradientdeck.practice;

import dev.gradientdeck.practice.coverage.KeyPoints;
import dev.gradientdeck.practice.speech.Transcriber;

import dev.gradientdeck.settings.TestSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperRepository;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.PracticeRepository.NewAttempt;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.Reviews;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

/**
 * Where the speech model cannot load, recordings are kept and marked so, and everything else works.
 */
class PracticeWithoutSpeechTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static final LearnerClock LEARNER = new LearnerClock(CLOCK, ZoneOffset.UTC, 4);

    @TempDir Path dir;
    Database database;
    CardRepository cards;
    Reviews reviews;
    Practice practice;
    long cardId;

    @BeforeEach
    void open() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(
                deck.resolve("momentum.md"),
                """
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
                        new PaperRepository(database.jdbi()),
                        TestSettings.on(LEARNER))
                .sync("test");
        cardId = cards.idOfSlug("momentum").orElseThrow();
        reviews =
                new Reviews(
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
        try (InputStream in =
                PracticeWithoutSpeechTest.class.getResourceAsStream(
                        "/practice/learning-rate.wav")) {
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

    @Test
    void aRecordingIsKeptMarkedUnavailableAndCanStillBeCheckedAndRated() throws Exception {
        practice = practiceWithoutModel();
        PracticeAttempt attempt = settled(practice.answerAloud(cardId, upload(), Optional.empty()).id());

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
        assertEquals(Rating.HARD.value(), practice.rate(attempt.id(), Rating.HARD).rating());
        assertEquals(1, reviews.of(cardId).reps());

        assertEquals(Status.QUEUED, practice.retranscribe(attempt.id()).status());
        assertEquals(Status.UNAVAILABLE, settled(attempt.id()).status());
        assertEquals(
                Status.DONE,
                practice.answerInWriting(cardId, "It averages past gradients.", Optional.empty()).status());
    }

    @Test
    void recordingsLeftWithoutATranscriptAreQueuedAgainAtStart() throws Exception {
        Recordings recordings = new Recordings(dir);
        String path = recordings.store(wav(), LocalDate.of(2026, 3, 10));
        long id =
                new PracticeRepository(database.jdbi())
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

        assertEquals(
                Status.UNAVAILABLE,
                settled(id).status(),
                "taken up again, and finding no model this time");
    }
}
