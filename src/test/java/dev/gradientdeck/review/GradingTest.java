package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.settings.TestSettings;
import dev.gradientdeck.web.BadRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradingTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFourRatingsReadAsAnkisButtons() {
        assertEquals(
                List.of("Again", "Hard", "Good", "Easy"),
                Arrays.stream(Rating.values()).map(Rating::label).toList());
    }

    @Test
    void aFormRatingIsItsDigit() {
        assertEquals(Rating.AGAIN, Grading.rating("1"));
        assertEquals(Rating.GOOD, Grading.rating("3"));
        assertEquals(Rating.EASY, Grading.rating(" 4\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "-1", "3.0", "good", "", "99999999999"})
    void anythingElseIsA400NamingWhatCame(String raw) {
        BadRequest e = assertThrows(BadRequest.class, () -> Grading.rating(raw));
        assertEquals("rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not '" + raw + "'", e.getMessage());
    }

    @Test
    void aMissingRatingIsA400Too() {
        BadRequest e = assertThrows(BadRequest.class, () -> Grading.rating(null));
        assertEquals("rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not 'null'", e.getMessage());
    }

    @Test
    void aNewCardsButtonsShowAnkisFirstIntervals() {
        // With FSRS-6's defaults and steps 1 m, 10 m Anki shows 1m, 6m, 10m and 8d on a new card: Hard is the mean of
        // the
        // first two steps (5.5 m), and Easy graduates at the initial stability w3 = 8.2956 days.
        NextStates next = Scheduler.nextStates(
                Schedule.fresh(NOW), NOW, 0, 7, FsrsSettings.defaults().withFuzz(false));
        List<GradeButton> buttons = GradeButton.of(next, Optional.empty());
        assertEquals(
                List.of("1m", "6m", "10m", "8d"),
                buttons.stream().map(GradeButton::interval).toList());
        assertEquals(
                List.of(1, 2, 3, 4), buttons.stream().map(GradeButton::value).toList());
        assertEquals(
                List.of("1", "2", "3", "4"),
                buttons.stream().map(GradeButton::key).toList());
        assertEquals(
                List.of("Again", "Hard", "Good", "Easy"),
                buttons.stream().map(GradeButton::label).toList());
        assertTrue(buttons.stream().noneMatch(GradeButton::suggested));
    }

    @Test
    void anExerciseMayMarkTheGradeItSuggests() {
        NextStates next = Scheduler.nextStates(Schedule.fresh(NOW), NOW, 0, 7, FsrsSettings.defaults());
        List<GradeButton> buttons = GradeButton.of(next, Optional.of(Rating.HARD));
        assertEquals(
                List.of(false, true, false, false),
                buttons.stream().map(GradeButton::suggested).toList());
    }

    @Test
    void timeTakenIsClampedSoAStaleTabCannotSkewStats() {
        assertEquals(Duration.ofSeconds(42), Grading.timeTaken(NOW, NOW.plusSeconds(42)));
        assertEquals(Duration.ZERO, Grading.timeTaken(NOW, NOW.minusSeconds(5)), "a page from a clock ahead of ours");
        assertEquals(
                Duration.ofMinutes(60), Grading.timeTaken(NOW, NOW.plus(Duration.ofHours(9))), "left open overnight");
        assertEquals(Duration.ofMinutes(60), Grading.timeTaken(NOW, NOW.plus(Duration.ofMinutes(60))));
    }

    @Test
    void anExerciseGradesTheCardOncePerRequestAndTheButtonsMoveOn() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("adam.md"), "# Adam\n# Question\nWhat does Adam keep?\n");
        LearnerClock learner = new LearnerClock(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, 4);
        try (Database database = Database.open(dir.resolve("app.sqlite"))) {
            CardRepository cards = new CardRepository(database.jdbi());
            new DeckImporter(
                            new DeckFolder(deck),
                            cards,
                            new PaperImportRepository(database.jdbi()),
                            TestSettings.on(learner))
                    .sync("test");
            long id = cards.idOfSlug("adam").orElseThrow();
            Reviews reviews = new Reviews(
                    new ReviewRepository(database.jdbi()),
                    new QueueChoiceRepository(database.jdbi()),
                    new DataVersion(database.jdbi()),
                    TestSettings.on(learner, false, false),
                    FsrsSettings.DEFAULT_WEIGHTS);
            Grading grading = new Grading(reviews);
            assertEquals(
                    List.of("1m", "6m", "10m", "8d"),
                    grading.buttons(id).stream().map(GradeButton::interval).toList());

            Reviews.Answered first = grading.grade(id, Rating.GOOD, "practice-7", Optional.of(Duration.ofSeconds(30)));
            Reviews.Answered again = grading.grade(id, Rating.GOOD, "practice-7", Optional.of(Duration.ofSeconds(30)));
            assertFalse(first.repeated());
            assertTrue(again.repeated(), "the same request id schedules the card once");
            assertEquals(first.review().id(), again.review().id());
            assertEquals(1, reviews.of(id).reps());
            assertEquals(30_000L, first.review().durationMs());
            assertEquals("2026-11-21", first.review().dayKey().toString());
            assertEquals("in 10m", grading.nextReview(id));

            // On the second learning step Good graduates the card.
            assertEquals("Good", grading.buttons(id).get(2).label());
            assertTrue(grading.buttons(id).get(2).interval().endsWith("d"));
        }
    }
}
