package dev.gradientdeck.anki.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gradientdeck.anki.model.RevlogEntry;
import dev.gradientdeck.review.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
    static RevlogEntry row(long id, int ease, long ivl, int factor, long time, int type) {
        return new RevlogEntry(id, 1, ease, ivl, 0, factor, time, type);
    }

    @Test
    void everyRatedRowBecomesAnAnswerWithItsTimeRatingAndTimeTaken() {
        History.Outcome o = History.of(List.of(row(2000, 4, 3, 2500, 1500, 1), row(1000, 3, -600, 2500, 0, 0)), 2);
        assertEquals(2, o.answers().size());
        assertEquals(
                new History.Answer(1000, Instant.ofEpochMilli(1000), Rating.GOOD, null),
                o.answers().get(0));
        assertEquals(Rating.EASY, o.answers().get(1).rating());
        assertEquals(Duration.ofMillis(1500), o.answers().get(1).timeTaken());
        assertEquals(Map.of(), o.skipped());
    }

    @Test
    void skippedRowsAreCountedByReason() {
        History.Outcome o = History.of(
                List.of(
                        row(1, 3, 1, 2500, 1, 0),
                        row(2, 0, 0, 0, 0, 4),
                        row(3, 3, 1, 2500, 1, 0),
                        row(4, 0, 7, 2500, 0, 4),
                        row(5, 2, 0, 0, 1, 3),
                        row(6, 3, 2, 1300, 1, 3),
                        row(7, 9, 1, 2500, 1, 1)),
                2);
        assertEquals(Map.of("beforeReset", 1, "reset", 1, "noRating", 1, "cram", 1, "badRating", 1), o.skipped());
        assertEquals(
                List.of(3L, 6L),
                o.answers().stream().map(History.Answer::revlogId).toList());
    }

    @Test
    void theFirstSchedulerHadThreeLearningButtons() {
        History.Outcome o =
                History.of(List.of(row(1, 2, -60, 0, 1, 0), row(2, 3, 4, 2500, 1, 0), row(3, 2, 9, 2500, 1, 1)), 1);
        assertEquals(
                List.of(Rating.GOOD, Rating.EASY, Rating.HARD),
                o.answers().stream().map(History.Answer::rating).toList());
        assertNull(History.of(List.of(row(1, 3, 1, 2500, 0, 0)), 1)
                .answers()
                .get(0)
                .timeTaken());
    }
}
