package dev.gradientdeck.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV's instants read directly agree with the JDK's parser, and what it refuses stays refused. */
class ReviewLogCsvTest {
    @Test
    void instantsAgreeWithTheJdk() {
        for (String text : List.of(
                "2026-01-31T08:15:00Z",
                "1999-12-31T23:59:59Z",
                "2024-02-29T00:00:00.5Z",
                "2026-07-04T12:30:45.123456789Z",
                "2026-07-04T12:30:45.120Z",
                "2026-03-29T01:30:00+02:00",
                "2026-03-29T01:30:00.25-05:30")) {
            assertEquals(Instant.parse(text), ReviewLogCsv.instant(text), text);
        }
    }

    @Test
    void badInstantsAreRefused() {
        for (String text : List.of(
                "2026-02-30T08:15:00Z",
                "2026-13-01T08:15:00Z",
                "2026-01-31T24:15:00Z",
                "2026-01-31T08:60:00Z",
                "2026-01-31T08:15:00.1234567890Z",
                "2026-01-31 08:15:00Z",
                "yesterday",
                "2026-0a-31T08:15:00Z")) {
            assertThrows(DateTimeException.class, () -> ReviewLogCsv.instant(text), text);
        }
    }
}
