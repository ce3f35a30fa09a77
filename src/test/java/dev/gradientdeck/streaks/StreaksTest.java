package dev.gradientdeck.streaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.days.DayKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final StreakSettings GOAL_1 = new StreakSettings(1);

    /** One review on each of {@code days} consecutive days starting at {@code from}. */
    private static Map<LocalDate, Integer> daily(LocalDate from, int days) {
        Map<LocalDate, Integer> activity = new HashMap<>();
        from.datesUntil(from.plusDays(days)).forEach(day -> activity.put(day, 1));
        return activity;
    }

    private static StreakSummary compute(Map<LocalDate, Integer> activity, LocalDate today) {
        return Streaks.compute(activity, Optional.empty(), today, GOAL_1);
    }

    @Test
    void noActivityIsAllZero() {
        StreakSummary summary = compute(Map.of(), TODAY);
        assertEquals(new StreakSummary(0, 0, 0, 0, List.of(), false, 0), summary);
    }

    @Test
    void todayCountedEndsTheStreakToday() {
        StreakSummary summary = compute(daily(TODAY.minusDays(2), 3), TODAY);
        assertEquals(3, summary.current());
        assertEquals(3, summary.best());
        assertEquals(3, summary.total());
        assertTrue(summary.todayCounted());
        assertEquals(1, summary.countToday());
    }

    @Test
    void whileTodayIsOpenTheStreakEndingYesterdayStands() {
        StreakSummary summary = compute(daily(TODAY.minusDays(3), 3), TODAY);
        assertEquals(3, summary.current());
        assertFalse(summary.todayCounted());
        assertEquals(0, summary.countToday());
        assertEquals(List.of(), summary.frozenDays());
    }

    @Test
    void aStreakEndingTheDayBeforeYesterdayIsOverWithoutFreezes() {
        StreakSummary summary = compute(daily(TODAY.minusDays(5), 4), TODAY);
        assertEquals(0, summary.current());
        assertEquals(4, summary.best());
        assertEquals(4, summary.total());
    }

    @Test
    void aDayBelowTheDailyGoalDoesNotCount() {
        Map<LocalDate, Integer> activity = Map.of(TODAY.minusDays(2), 5, TODAY.minusDays(1), 4, TODAY, 7);
        StreakSummary summary = Streaks.compute(activity, Optional.empty(), TODAY, new StreakSettings(5));
        assertEquals(1, summary.current());
        assertEquals(1, summary.best());
        assertEquals(2, summary.total());
        assertTrue(summary.todayCounted());
        assertEquals(7, summary.countToday());
    }

    @Test
    void todayBelowTheGoalIsStillOpen() {
        Map<LocalDate, Integer> activity = Map.of(TODAY.minusDays(1), 5, TODAY, 4);
        StreakSummary summary = Streaks.compute(activity, Optional.empty(), TODAY, new StreakSettings(5));
        assertEquals(1, summary.current());
        assertFalse(summary.todayCounted());
        assertEquals(4, summary.countToday());
    }

    @Test
    void bestIsTheLongestRunEver() {
        Map<LocalDate, Integer> activity = daily(TODAY.minusDays(30), 5);
        activity.putAll(daily(TODAY.minusDays(2), 3));
        StreakSummary summary = compute(activity, TODAY);
        assertEquals(3, summary.current());
        assertEquals(5, summary.best());
        assertEquals(8, summary.total());
    }

    @Test
    void daysAfterTodayAreIgnored() {
        Map<LocalDate, Integer> activity = daily(TODAY.minusDays(1), 3);
        StreakSummary summary = compute(activity, TODAY);
        assertEquals(2, summary.current());
        assertEquals(2, summary.total());
    }

    @Test
    void everySeventhCountedDayEarnsAFreeze() {
        assertEquals(0, compute(daily(TODAY.minusDays(5), 6), TODAY).freezesHeld());
        assertEquals(1, compute(daily(TODAY.minusDays(6), 7), TODAY).freezesHeld());
        assertEquals(1, compute(daily(TODAY.minusDays(12), 13), TODAY).freezesHeld());
        assertEquals(2, compute(daily(TODAY.minusDays(13), 14), TODAY).freezesHeld());
    }

    @Test
    void atMostTwoFreezesAreHeld() {
        StreakSummary summary = compute(daily(TODAY.minusDays(29), 30), TODAY);
        assertEquals(30, summary.current());
        assertEquals(2, summary.freezesHeld());
    }

    @Test
    void aGapTheFreezesCoverKeepsTheStreakButAddsNothing() {
        // 14 days earn 2 freezes; two missed days; then today.
        LocalDate start = TODAY.minusDays(16);
        Map<LocalDate, Integer> activity = daily(start, 14);
        activity.put(TODAY, 1);
        StreakSummary summary = compute(activity, TODAY);
        assertEquals(15, summary.current());
        assertEquals(15, summary.total());
        assertEquals(15, summary.best());
        assertEquals(0, summary.freezesHeld());
        assertEquals(List.of(TODAY.minusDays(2), TODAY.minusDays(1)), summary.frozenDays());
    }

    @Test
    void aGapLongerThanTheFreezesHeldBreaksTheStreakAndKeepsThem() {
        LocalDate start = TODAY.minusDays(17);
        Map<LocalDate, Integer> activity = daily(start, 14);
        activity.put(TODAY, 1);
        StreakSummary summary = compute(activity, TODAY);
        assertEquals(1, summary.current());
        assertEquals(14, summary.best());
        assertEquals(15, summary.total());
        assertEquals(2, summary.freezesHeld());
        assertEquals(List.of(), summary.frozenDays());
    }

    @Test
    void frozenDaysDoNotCountTowardTheNextFreeze() {
        // Days 1-7 counted (one freeze), day 8 missed and frozen, then counted days from day 9.
        LocalDate start = LocalDate.of(2026, 3, 1);
        Map<LocalDate, Integer> activity = daily(start, 7);
        activity.putAll(daily(start.plusDays(8), 7));
        // Day 14 of the calendar is only the 13th counted day.
        StreakSummary day14 = compute(activity, start.plusDays(13));
        assertEquals(13, day14.current());
        assertEquals(0, day14.freezesHeld());
        assertEquals(List.of(start.plusDays(7)), day14.frozenDays());
        // Day 15 is the 14th counted day of the streak and earns the next freeze.
        StreakSummary day15 = compute(activity, start.plusDays(14));
        assertEquals(14, day15.current());
        assertEquals(1, day15.freezesHeld());
    }

    @Test
    void whileTodayIsOpenAMissedYesterdayIsFrozenWhenAFreezeIsHeld() {
        StreakSummary summary = compute(daily(TODAY.minusDays(8), 7), TODAY);
        assertEquals(7, summary.current());
        assertEquals(0, summary.freezesHeld());
        assertEquals(List.of(TODAY.minusDays(1)), summary.frozenDays());
        assertFalse(summary.todayCounted());
    }

    @Test
    void whileTodayIsOpenAGapLongerThanTheFreezesEndsTheStreakAndKeepsThem() {
        StreakSummary summary = compute(daily(TODAY.minusDays(9), 7), TODAY);
        assertEquals(0, summary.current());
        assertEquals(7, summary.best());
        assertEquals(1, summary.freezesHeld());
        assertEquals(List.of(), summary.frozenDays());
    }

    @Test
    void aBrokenStreakStartsCountingTowardFreezesAgain() {
        // 7 days (1 freeze), a 3-day gap breaks it (freeze kept), then 7 more days earn a second.
        LocalDate start = LocalDate.of(2026, 1, 1);
        Map<LocalDate, Integer> activity = daily(start, 7);
        activity.putAll(daily(start.plusDays(10), 7));
        StreakSummary summary = compute(activity, start.plusDays(16));
        assertEquals(7, summary.current());
        assertEquals(2, summary.freezesHeld());
        assertEquals(14, summary.total());
    }

    @Test
    void streakAcrossDstChangesCountsEachLocalDayOnce() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // One review at 08:30 local on 7, 8 and 9 March 2026 (8 March is 23 hours long), another on 31 Oct and 1-2 Nov.
        Map<LocalDate, Integer> activity =
                activityOf(newYork, 4, "2026-03-07T13:30:00Z", "2026-03-08T12:30:00Z", "2026-03-09T12:30:00Z");
        assertEquals(3, compute(activity, LocalDate.of(2026, 3, 9)).current());
        activity = activityOf(newYork, 4, "2026-10-31T12:30:00Z", "2026-11-01T13:30:00Z", "2026-11-02T13:30:00Z");
        assertEquals(3, compute(activity, LocalDate.of(2026, 11, 2)).current());
    }

    @Test
    void aLearnerMovingFromLondonToLosAngelesKeepsTheStreak() {
        // Day-start 4. Two mornings in London (08:00 BST), then a morning in Los Angeles (09:00 PDT).
        Instant london10 = Instant.parse("2026-06-10T07:00:00Z");
        Instant london11 = Instant.parse("2026-06-11T07:00:00Z");
        Instant losAngeles12 = Instant.parse("2026-06-12T16:00:00Z");
        ZoneId london = ZoneId.of("Europe/London");
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

        // Each review's day key was stored when it happened, in the zone the learner was in then.
        Map<LocalDate, Integer> stored = activityOf(List.of(
                DayKey.of(london10, london, 4),
                DayKey.of(london11, london, 4),
                DayKey.of(losAngeles12, losAngeles, 4)));
        StreakSummary summary = compute(stored, LocalDate.of(2026, 6, 12));
        assertEquals(3, summary.current());
        assertEquals(3, summary.total());

        // Re-keying the London reviews in the new zone would move them a day back (08:00 BST is 00:00 PDT) and break
        // it.
        Map<LocalDate, Integer> rekeyed =
                activityOf(losAngeles, 4, london10.toString(), london11.toString(), losAngeles12.toString());
        assertEquals(
                Map.of(LocalDate.of(2026, 6, 9), 1, LocalDate.of(2026, 6, 10), 1, LocalDate.of(2026, 6, 12), 1),
                rekeyed);
        assertEquals(1, compute(rekeyed, LocalDate.of(2026, 6, 12)).current());
    }

    @Test
    void theDateLineDoesNotBreakADailyRhythm() {
        // A review every 24 hours at 09:00 local in Kiritimati (UTC+14) keys to consecutive days.
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        Map<LocalDate, Integer> activity =
                activityOf(kiritimati, 4, "2026-12-30T19:00:00Z", "2026-12-31T19:00:00Z", "2027-01-01T19:00:00Z");
        assertEquals(
                Map.of(LocalDate.of(2026, 12, 31), 1, LocalDate.of(2027, 1, 1), 1, LocalDate.of(2027, 1, 2), 1),
                activity);
        assertEquals(3, compute(activity, LocalDate.of(2027, 1, 2)).current());
    }

    private static Map<LocalDate, Integer> activityOf(ZoneId zone, int dayStartHour, String... instants) {
        return activityOf(Stream.of(instants)
                .map(i -> DayKey.of(Instant.parse(i), zone, dayStartHour))
                .toList());
    }

    private static Map<LocalDate, Integer> activityOf(List<DayKey> keys) {
        Map<LocalDate, Integer> activity = new HashMap<>();
        keys.forEach(key -> activity.merge(key.date(), 1, Integer::sum));
        return activity;
    }
}
