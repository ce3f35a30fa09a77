package dev.gradientdeck.streaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CarriedRecordTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final StreakSettings GOAL_1 = new StreakSettings(1);

    private static StreakSummary compute(Map<LocalDate, Integer> activity, CarriedRecord record) {
        return Streaks.compute(activity, Optional.of(record), TODAY, GOAL_1);
    }

    @Test
    void aRecordFromYesterdayContinuesWithTodaysReview() {
        StreakSummary summary = compute(Map.of(TODAY, 1), new CarriedRecord(2, 11, 17, TODAY.minusDays(1)));
        assertEquals(3, summary.current());
        assertEquals(11, summary.best());
        assertEquals(18, summary.total());
    }

    @Test
    void aRecordFromYesterdayStandsWhileTodayIsOpen() {
        StreakSummary summary = compute(Map.of(), new CarriedRecord(2, 11, 17, TODAY.minusDays(1)));
        assertEquals(2, summary.current());
        assertEquals(11, summary.best());
        assertEquals(17, summary.total());
    }

    @Test
    void aRecordFromThreeDaysAgoWithoutFreezesDoesNotContinue() {
        StreakSummary summary = compute(Map.of(TODAY, 1), new CarriedRecord(2, 11, 17, TODAY.minusDays(3)));
        assertEquals(1, summary.current());
        assertEquals(11, summary.best());
        assertEquals(18, summary.total());
        assertEquals(0, summary.freezesHeld());
    }

    @Test
    void aDayInBothTheRecordAndTheReviewsCountsOnce() {
        Map<LocalDate, Integer> activity = Map.of(TODAY.minusDays(1), 3, TODAY, 1);
        StreakSummary summary = compute(activity, new CarriedRecord(2, 11, 17, TODAY.minusDays(1)));
        assertEquals(3, summary.current());
        assertEquals(11, summary.best());
        assertEquals(18, summary.total());
    }

    @Test
    void appDaysBeforeTheRecordsStreakAreTakenToBeAmongItsUndatedDays() {
        // The record says 15 counted days lie before its 2-day streak; the app's day 10 days ago is one of them.
        Map<LocalDate, Integer> activity = Map.of(TODAY.minusDays(10), 1, TODAY, 1);
        StreakSummary summary = compute(activity, new CarriedRecord(2, 11, 17, TODAY.minusDays(1)));
        assertEquals(3, summary.current());
        assertEquals(18, summary.total());
    }

    @Test
    void appDaysBeyondTheRecordsCountAddToTheTotal() {
        // Four app days before a record that claims only two earlier days: the app's days are facts, so all four count.
        Map<LocalDate, Integer> activity = new HashMap<>();
        TODAY.minusDays(20).datesUntil(TODAY.minusDays(16)).forEach(day -> activity.put(day, 1));
        StreakSummary summary = compute(activity, new CarriedRecord(1, 3, 3, TODAY.minusDays(1)));
        assertEquals(1, summary.current());
        assertEquals(5, summary.total());
        assertEquals(4, summary.best());
    }

    @Test
    void aLongCarriedStreakHasEarnedFreezesThatCoverAGap() {
        // 14 carried days ending 3 days ago earn 2 freezes; the two missed days are frozen and today continues it.
        StreakSummary summary = compute(Map.of(TODAY, 1), new CarriedRecord(14, 20, 40, TODAY.minusDays(3)));
        assertEquals(15, summary.current());
        assertEquals(20, summary.best());
        assertEquals(41, summary.total());
        assertEquals(List.of(TODAY.minusDays(2), TODAY.minusDays(1)), summary.frozenDays());
    }

    @Test
    void aStreakPastTheRecordsBestBecomesTheBest() {
        Map<LocalDate, Integer> activity = new HashMap<>();
        TODAY.minusDays(9).datesUntil(TODAY.plusDays(1)).forEach(day -> activity.put(day, 1));
        StreakSummary summary = compute(activity, new CarriedRecord(2, 11, 17, TODAY.minusDays(10)));
        assertEquals(12, summary.current());
        assertEquals(12, summary.best());
        assertEquals(27, summary.total());
    }

    @Test
    void theMostRecentRecordWins() {
        CarriedRecord older = new CarriedRecord(30, 30, 90, LocalDate.of(2026, 5, 1));
        CarriedRecord newer = new CarriedRecord(2, 11, 17, LocalDate.of(2026, 11, 20));
        CarriedRecord oldest = new CarriedRecord(5, 5, 5, LocalDate.of(2025, 1, 1));
        assertEquals(Optional.of(newer), CarriedRecord.latest(List.of(older, newer, oldest)));
        assertEquals(Optional.empty(), CarriedRecord.latest(List.of()));
    }

    @Test
    void recordsOfTheSameDateAreChosenTheSameWayWhateverTheFileOrder() {
        LocalDate date = LocalDate.of(2026, 11, 20);
        CarriedRecord small = new CarriedRecord(2, 11, 17, date);
        CarriedRecord large = new CarriedRecord(2, 11, 18, date);
        assertEquals(Optional.of(large), CarriedRecord.latest(List.of(small, large)));
        assertEquals(Optional.of(large), CarriedRecord.latest(List.of(large, small)));
    }

    @Test
    void negativeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CarriedRecord(-1, 11, 17, TODAY));
        assertThrows(IllegalArgumentException.class, () -> new CarriedRecord(2, -1, 17, TODAY));
        assertThrows(IllegalArgumentException.class, () -> new CarriedRecord(2, 11, -1, TODAY));
    }
}
