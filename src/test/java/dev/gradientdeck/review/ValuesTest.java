package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value types the app stores and passes around. */
class ValuesTest {

    @Test
    void ratingValuesRoundTrip() {
        for (Rating rating : Rating.values()) {
            assertEquals(rating, Rating.of(rating.value()));
        }
        assertEquals(1, Rating.AGAIN.value());
        assertEquals(4, Rating.EASY.value());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -1, 42})
    void ratingOutsideOneToFourIsRejectedByValue(int value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rating.of(value));
        assertTrue(e.getMessage().contains(Integer.toString(value)), e.getMessage());
    }

    @Test
    void cardStateNamesRoundTrip() {
        Memory memory = new Memory(3.5, 4.25);
        List<CardState> states = List.of(
                new CardState.New(),
                new CardState.Learning(1, memory),
                new CardState.Review(memory),
                new CardState.Relearning(0, memory));
        assertEquals(
                List.of("new", "learning", "review", "relearning"),
                states.stream().map(CardState::name).toList());
        assertEquals(states.get(1), CardState.of("learning", 1, memory));
        assertEquals(states.get(2), CardState.of("review", 0, memory));
        assertEquals(states.get(3), CardState.of("relearning", 0, memory));
        assertEquals(states.get(0), CardState.of("new", 0, null));
        assertThrows(IllegalArgumentException.class, () -> CardState.of("suspended", 0, memory));
        assertThrows(NullPointerException.class, () -> CardState.of("review", 0, null));
        assertThrows(IllegalArgumentException.class, () -> new CardState.Learning(-1, memory));
    }

    @Test
    void memoryRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new Memory(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new Memory(Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> new Memory(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Memory(1, 10.01));
    }

    @Test
    void freshScheduleIsNewAndDueNow() {
        Instant now = Instant.parse("2024-03-01T08:00:00Z");
        Schedule fresh = Schedule.fresh(now);
        assertEquals(new CardState.New(), fresh.state());
        assertEquals(now, fresh.due());
        assertNull(fresh.lastReview());
        assertEquals(0, fresh.reps());
        assertEquals(0, fresh.lapses());
    }

    @Test
    void defaultSettings() {
        FsrsSettings defaults = FsrsSettings.defaults();
        assertEquals(21, defaults.weights().size());
        assertEquals(0.1542, defaults.weights().get(20));
        assertEquals(0.9, defaults.desiredRetention());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), defaults.learningSteps());
        assertEquals(List.of(Duration.ofMinutes(10)), defaults.relearningSteps());
        assertEquals(36_500, defaults.maximumIntervalDays());
        assertTrue(defaults.shortTerm());
        assertTrue(defaults.fuzz());
        assertEquals(false, defaults.withFuzz(false).fuzz());
        assertEquals(defaults, defaults.withFuzz(false).withFuzz(true));
    }

    @Test
    void settingsRejectNonsense() {
        FsrsSettings d = FsrsSettings.defaults();
        List<Double> nineteen = new ArrayList<>(d.weights().subList(0, 19));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FsrsSettings(nineteen, 0.9, d.learningSteps(), d.relearningSteps(), 36_500, true, true));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FsrsSettings(d.weights(), 0, d.learningSteps(), d.relearningSteps(), 36_500, true, true));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FsrsSettings(
                        d.weights(), 0.9, List.of(Duration.ZERO), d.relearningSteps(), 36_500, true, true));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FsrsSettings(d.weights(), 0.9, d.learningSteps(), d.relearningSteps(), 36_501, true, true));
        List<Double> mutable = new ArrayList<>(d.weights());
        FsrsSettings copied =
                new FsrsSettings(mutable, 0.9, d.learningSteps(), d.relearningSteps(), 36_500, true, true);
        mutable.set(0, 99.0);
        assertEquals(0.212, copied.weights().get(0), "settings keep their own copy");
    }
}
