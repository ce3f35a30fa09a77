package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.settings.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card's stored schedule is exactly what replaying its log (undone answers left out) gives. */
class ReplayTest {
    @TempDir
    Path dir;

    @Test
    void theStoredScheduleIsTheReplayOfTheLog() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("adam.md"), "# Adam\n# Question\nWhat does Adam keep?\n");
        LearnerClock learner =
                new LearnerClock(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, 4);
        try (Database database = Database.open(dir.resolve("app.sqlite"))) {
            CardRepository cards = new CardRepository(database.jdbi());
            new DeckImporter(
                            new DeckFolder(deck),
                            cards,
                            new PaperImportRepository(database.jdbi()),
                            TestSettings.on(learner))
                    .sync("test");
            long id = cards.idOfSlug("adam").orElseThrow();
            ReviewRepository repository = new ReviewRepository(database.jdbi());
            Reviews reviews = new Reviews(
                    repository,
                    new QueueChoiceRepository(database.jdbi()),
                    new DataVersion(database.jdbi()),
                    TestSettings.on(learner),
                    FsrsSettings.DEFAULT_WEIGHTS);
            String[] at = {
                "2026-10-01T09:00:00Z",
                "2026-10-01T09:10:00Z",
                "2026-10-04T09:00:00Z",
                "2026-10-15T09:00:00Z",
                "2026-11-20T09:00:00Z"
            };
            int[] ratings = {3, 3, 1, 3, 4};
            for (int i = 0; i < at.length; i++) {
                reviews.answer(
                        id,
                        Rating.of(ratings[i]),
                        Optional.of(Instant.parse(at[i])),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
            }
            reviews.undoLast();
            Schedule stored = repository.card(id).orElseThrow().schedule();
            Schedule replayed = reviews.replay(id);
            assertEquals(stored.state(), replayed.state());
            assertEquals(stored.due(), replayed.due());
            assertEquals(stored.reps(), replayed.reps());
            assertEquals(stored.lapses(), replayed.lapses());
            assertEquals(4, replayed.reps(), "the undone answer is not replayed");
        }
    }
}
