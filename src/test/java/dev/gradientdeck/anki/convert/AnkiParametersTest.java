package dev.gradientdeck.anki.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.anki.model.MemoryState;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.Rating;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Anki's saved parameters replay to the memory Anki stored. Reference values are from mixed-legacy-2.apkg itself: its deck
 * options hold these 17 FSRS-4.5 weights, and every card, answered Good twice on 2025-08-18, stores s = 12.116, d = 5.61.
 */
class AnkiParametersTest {
    static final List<Double> SAVED = List.of(
            1.3608981,
            3.2631533,
            12.11589,
            29.051405,
            5.134217,
            1.1265867,
            0.8705011,
            0.058629394,
            1.6750332,
            0.109073006,
            1.0737343,
            2.1267996,
            0.059391897,
            0.34454167,
            1.606116,
            0.40234843,
            2.974674);

    @Test
    void seventeenWeightsReplayToAnkisStoredMemory() {
        FsrsSettings settings =
                AnkiParameters.settings(SAVED, FsrsSettings.defaults()).orElseThrow();
        assertEquals(21, settings.weights().size());
        Instant first = Instant.parse("2025-08-18T07:27:31Z");
        List<History.Answer> goods = List.of(
                new History.Answer(1, first, Rating.GOOD, null),
                new History.Answer(2, first.plus(Duration.ofMinutes(10)), Rating.GOOD, null));
        Memory memory = Agreement.replay(
                        goods,
                        settings,
                        new dev.gradientdeck.days.LearnerClock(java.time.Clock.systemUTC(), ZoneOffset.UTC, 4))
                .orElseThrow();
        assertEquals(12.116, memory.stability(), 0.001);
        assertEquals(5.61, memory.difficulty(), 0.005);
        assertTrue(Agreement.within(memory, new MemoryState(12.116, 5.61)));
        // The app's own FSRS-6 defaults start a Good card at 2.3 days: far from Anki's memory, and reported as such.
        Memory defaults = Agreement.replay(
                        goods,
                        FsrsSettings.defaults(),
                        new dev.gradientdeck.days.LearnerClock(java.time.Clock.systemUTC(), ZoneOffset.UTC, 4))
                .orElseThrow();
        assertFalse(Agreement.within(defaults, new MemoryState(12.116, 5.61)));
    }

    @Test
    void nineteenAndTwentyOneWeightsAndNonsense() {
        List<Double> fsrs5 = FsrsSettings.DEFAULT_WEIGHTS.subList(0, 19);
        assertEquals(
                List.of(0.0, 0.5),
                AnkiParameters.settings(fsrs5, FsrsSettings.defaults())
                        .orElseThrow()
                        .weights()
                        .subList(19, 21));
        assertEquals(
                FsrsSettings.DEFAULT_WEIGHTS,
                AnkiParameters.settings(FsrsSettings.DEFAULT_WEIGHTS, FsrsSettings.defaults())
                        .orElseThrow()
                        .weights());
        assertTrue(AnkiParameters.settings(List.of(1.0, 2.0), FsrsSettings.defaults())
                .isEmpty());
    }

    @Test
    void withinOnePercentMeansBothStabilityAndDifficulty() {
        assertTrue(Agreement.within(new Memory(10.09, 5.0), new MemoryState(10, 5)));
        assertFalse(Agreement.within(new Memory(10.2, 5.0), new MemoryState(10, 5)));
        assertFalse(Agreement.within(new Memory(10, 5.06), new MemoryState(10, 5)));
    }
}
