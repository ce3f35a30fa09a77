package dev.gradientdeck.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalLabelTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PT0S, <1m",
        "PT30S, <1m",
        "PT59.9S, <1m",
        "PT1M, 1m",
        "PT5M30S, 6m",
        "PT5M29S, 5m",
        "PT10M, 10m",
        "PT15M, 15m",
        "PT59M, 59m",
        "PT1H, 1h",
        "PT3H, 3h",
        "PT23H, 23h",
        "P1D, 1d",
        "P2D, 2d",
        "P30D, 30d",
        "P31D, 1mo",
        "P40D, 1.3mo",
        "P200D, 6.6mo",
        "P364D, 12mo",
        "P365D, 1y",
        "P766D, 2.1y",
        "P36500D, 100y",
    })
    void formatsLikeAnki(String iso, String label) {
        assertEquals(label, IntervalLabel.of(Duration.parse(iso)));
    }

    @Test
    void labelsTheDefaultFirstAnswers() {
        NextStates next = Scheduler.nextStates(
                Schedule.fresh(java.time.Instant.EPOCH),
                java.time.Instant.EPOCH,
                0,
                1,
                FsrsSettings.defaults().withFuzz(false));
        assertEquals("1m", IntervalLabel.of(next.again().interval()));
        assertEquals("6m", IntervalLabel.of(next.hard().interval()));
        assertEquals("10m", IntervalLabel.of(next.good().interval()));
        assertEquals("8d", IntervalLabel.of(next.easy().interval()));
    }

    @Test
    void rejectsNegativeDurations() {
        assertThrows(IllegalArgumentException.class, () -> IntervalLabel.of(Duration.ofSeconds(-1)));
    }
}
