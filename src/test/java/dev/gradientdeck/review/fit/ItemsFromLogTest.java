package dev.gradientdeck.review.fit;

import static dev.gradientdeck.review.fit.LoggedAnswer.Kind.LEARNING;
import static dev.gradientdeck.review.fit.LoggedAnswer.Kind.MANUAL;
import static dev.gradientdeck.review.fit.LoggedAnswer.Kind.RELEARNING;
import static dev.gradientdeck.review.fit.LoggedAnswer.Kind.REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Items from a review log, as OPTIMIZER.md section 1 builds them. */
class ItemsFromLogTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static LoggedAnswer at(long card, String instant, int rating, LoggedAnswer.Kind kind) {
        return new LoggedAnswer(card, Instant.parse(instant), rating, kind, true);
    }

    private static String pairs(List<ReviewItem> items) {
        return items.stream().map(ReviewItem::toString).toList().toString();
    }

    @Test
    void daysAreCountedBetweenTheLearnersDayBoundariesNotIn24HourPeriods() {
        // Berlin: 23:30 and 01:00 fall on one learner day when days start at 4 am, 05:00 starts the next, 03:30 two
        // nights later still belongs to the day before.
        List<LoggedAnswer> log = List.of(
                at(1, "2026-03-02T22:30:00Z", 3, LEARNING),
                at(1, "2026-03-03T00:00:00Z", 3, LEARNING),
                at(1, "2026-03-03T04:00:00Z", 3, REVIEW),
                at(1, "2026-03-05T02:30:00Z", 1, REVIEW));
        Items.Built built = Items.fromLog(log, BERLIN, 4);
        assertEquals("[[[3, 0], [3, 0], [3, 1]], [[3, 0], [3, 0], [3, 1], [1, 1]]]", pairs(built.items()));
        // With days starting at midnight the same answers fall on three different days.
        assertEquals(
                "[[[3, 0], [3, 1]], [[3, 0], [3, 1], [3, 0], [1, 2]]]",
                pairs(Items.fromLog(log, BERLIN, 0).items()));
    }

    @Test
    void sameDayAnswersAreHistoryNeverTargets() {
        List<LoggedAnswer> log = List.of(
                at(7, "2026-01-10T09:00:00Z", 1, LEARNING),
                at(7, "2026-01-10T09:01:00Z", 3, LEARNING),
                at(7, "2026-01-10T09:11:00Z", 3, LEARNING),
                at(7, "2026-01-12T09:00:00Z", 1, REVIEW),
                at(7, "2026-01-12T09:10:00Z", 3, RELEARNING),
                at(7, "2026-01-13T09:00:00Z", 3, REVIEW));
        List<ReviewItem> items = Items.fromLog(log, ZoneId.of("UTC"), 4).items();
        assertEquals(2, items.size());
        assertEquals("[[1, 0], [3, 0], [3, 0], [1, 2]]", items.get(0).toString());
        assertEquals(
                "[[1, 0], [3, 0], [3, 0], [1, 2], [3, 0], [3, 1]]", items.get(1).toString());
    }

    @Test
    void undoneAnswersManualReschedulesAndSuspendedAnswersAreLeftOut() {
        List<LoggedAnswer> log = List.of(
                at(2, "2026-01-01T10:00:00Z", 3, LEARNING),
                new LoggedAnswer(2, Instant.parse("2026-01-03T10:00:00Z"), 1, REVIEW, false),
                at(2, "2026-01-03T10:01:00Z", 3, REVIEW),
                at(2, "2026-01-04T10:00:00Z", 0, MANUAL),
                new LoggedAnswer(2, Instant.parse("2026-01-06T10:00:00Z"), 4, REVIEW, false),
                at(2, "2026-01-09T10:00:00Z", 3, REVIEW));
        Items.Built built = Items.fromLog(log, ZoneId.of("UTC"), 4);
        assertEquals("[[[3, 0], [3, 2]], [[3, 0], [3, 2], [3, 6]]]", pairs(built.items()));
        assertEquals(3, built.answersUsed());
        assertEquals(3, built.leftOut());
    }

    @Test
    void aResetStartsTheHistoryAgainAndACardWithoutItsStartIsSkipped() {
        List<LoggedAnswer> log = List.of(
                at(3, "2026-01-01T10:00:00Z", 3, LEARNING),
                at(3, "2026-01-05T10:00:00Z", 3, REVIEW),
                at(3, "2026-02-01T10:00:00Z", 2, LEARNING),
                at(3, "2026-02-03T10:00:00Z", 3, REVIEW),
                at(4, "2026-01-01T10:00:00Z", 3, REVIEW),
                at(4, "2026-01-08T10:00:00Z", 3, REVIEW));
        Items.Built built = Items.fromLog(log, ZoneId.of("UTC"), 4);
        assertEquals("[[[2, 0], [3, 2]]]", pairs(built.items()));
        assertEquals(1, built.cards());
        assertEquals(4, built.leftOut());
    }

    @Test
    void itemsAreInTheOrderOfTheirTargetsAcrossCards() {
        List<LoggedAnswer> log = List.of(
                LoggedAnswer.answer(10, Instant.parse("2026-01-01T10:00:00Z"), 3),
                LoggedAnswer.answer(10, Instant.parse("2026-01-05T10:00:00Z"), 3),
                LoggedAnswer.answer(20, Instant.parse("2026-01-02T10:00:00Z"), 4),
                LoggedAnswer.answer(20, Instant.parse("2026-01-04T10:00:00Z"), 1),
                LoggedAnswer.answer(20, Instant.parse("2026-01-06T10:00:00Z"), 3));
        assertEquals(
                "[[[4, 0], [1, 2]], [[3, 0], [3, 4]], [[4, 0], [1, 2], [3, 2]]]",
                pairs(Items.fromLog(log, ZoneId.of("UTC"), 4).items()));
    }

    @Test
    void theDayOfAnAnswerIsTheDayKeyAcrossDaylightSavingChanges() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (String name :
                List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC")) {
            ZoneId zone = ZoneId.of(name);
            for (int i = 0; i < 20_000; i++) {
                Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextLong(2L * 366 * 86_400));
                int hour = random.nextInt(24);
                assertEquals(
                        dev.gradientdeck.days.DayKey.of(at, zone, hour).date().toEpochDay(),
                        Items.day(at, zone.getRules(), hour),
                        at + " in " + name + " from " + hour + " h");
            }
        }
    }
}
