package dev.gradientdeck.descent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.cards.CardViews.CardSummary;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.cards.ImportReport;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.Database;
import dev.gradientdeck.descent.DescentBlocks;
import dev.gradientdeck.descent.exercise.Exercise;
import dev.gradientdeck.descent.explain.Worked;
import dev.gradientdeck.descent.spec.DescentSpecs;
import dev.gradientdeck.descent.spec.ValidSpec;
import dev.gradientdeck.settings.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter deck in {@code cards/}, imported as the app imports it: no file is broken, and every
 * descent card runs its exercise, with fresh draws, through each predicted step, its arithmetic and
 * its pictures, to the end.
 */
class StarterDeckTest {
    @TempDir
    Path dir;

    @Test
    void everyStarterCardImportsAndEveryDescentCardRunsItsExercise() {
        try (Database database = Database.open(dir.resolve("starter.sqlite"))) {
            CardRepository cards = new CardRepository(database.jdbi());
            ImportReport report = new DeckImporter(
                            new DeckFolder(Path.of("cards")),
                            cards,
                            new dev.gradientdeck.papers.PaperImportRepository(database.jdbi()),
                            TestSettings.on(new LearnerClock(Clock.systemUTC(), ZoneId.of("UTC"), 4)),
                            new DescentBlocks())
                    .sync("test");
            assertEquals(List.of(), report.errors());
            List<CardSummary> descent = cards.list(Optional.empty(), false).stream()
                    .filter(card -> card.kind().equals("descent"))
                    .toList();
            assertFalse(descent.isEmpty());
            for (CardSummary summary : descent) {
                CardDetail card = cards.find(summary.id()).orElseThrow();
                ValidSpec spec = DescentSpecs.fromYaml(card.descentSpec());
                for (long seed = 1; seed <= 5; seed++) {
                    String at = card.path() + " seed " + seed;
                    Exercise exercise = Exercise.of(spec.randomized(seed), List.of(), 0);
                    assertTrue(exercise.predictedSteps() > 0, at + " predicts nothing");
                    for (int t = 1; t <= exercise.predictedSteps(); t++) {
                        for (Exercise.Item item : exercise.items(t)) {
                            assertTrue(
                                    exercise.check(item, exercise.truthText(item))
                                            .correct(),
                                    at + " " + item);
                        }
                        Worked worked = Worked.of(exercise.simulation(), exercise.step(t));
                        assertEquals(
                                exercise.run().params().size(), worked.updates().size(), at);
                        assertFalse(Figures.of(Exercise.of(spec.randomized(seed), List.of(), t - 1), null)
                                .isEmpty());
                    }
                    Exercise done = Exercise.of(spec.randomized(seed), List.of(), exercise.predictedSteps());
                    assertTrue(done.done());
                    Figures.of(done, null)
                            .forEach(figure -> assertTrue(figure.svg().startsWith("<svg"), at));
                }
            }
        }
    }
}
