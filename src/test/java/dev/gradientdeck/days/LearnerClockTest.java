package dev.gradientdeck.days;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnerClockTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static LearnerClock at(String instant, ZoneId zone, int dayStartHour) {
        return new LearnerClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), zone, dayStartHour);
    }

    @Test
    void todayIsTheDayKeyOfNow() {
        // 03:30 in Berlin (UTC+1) on 15 January is still the 14th's learning day when days start at 4.
        LearnerClock clock = at("2026-01-15T02:30:00Z", ZoneId.of("Europe/Berlin"), 4);
        assertEquals(Instant.parse("2026-01-15T02:30:00Z"), clock.now());
        assertEquals(new DayKey(LocalDate.of(2026, 1, 14)), clock.today());
    }

    @Test
    void aDayEndsAtTheNextDayStartHourOnTheWallClock() {
        LearnerClock clock = at("2026-01-15T12:00:00Z", ZoneId.of("Europe/Berlin"), 4);
        assertEquals(Instant.parse("2026-01-15T03:00:00Z"), clock.startOf(LocalDate.of(2026, 1, 15)));
        assertEquals(Instant.parse("2026-01-16T03:00:00Z"), clock.endOf(LocalDate.of(2026, 1, 15)));
    }

    @Test
    void theDayBeforeSpringForwardLasts23HoursAndTheOneBeforeFallBack25() {
        LearnerClock clock = at("2026-03-07T12:00:00Z", NEW_YORK, 4);
        // 7 March begins at 04:00 EST (09:00Z) and ends at 04:00 EDT on the 8th (08:00Z).
        assertEquals(Instant.parse("2026-03-07T09:00:00Z"), clock.startOf(LocalDate.of(2026, 3, 7)));
        assertEquals(Instant.parse("2026-03-08T08:00:00Z"), clock.endOf(LocalDate.of(2026, 3, 7)));
        // 31 October begins at 04:00 EDT (08:00Z) and ends at 04:00 EST on 1 November (09:00Z).
        assertEquals(
                Duration.ofHours(25),
                Duration.between(clock.startOf(LocalDate.of(2026, 10, 31)), clock.endOf(LocalDate.of(2026, 10, 31))));
    }

    @Test
    void aDayStartHourInTheGapBeginsTheDayWhenTheClockJumps() {
        // 02:00 does not exist on 8 March 2026 in New York; the day begins at 03:00 EDT (07:00Z).
        assertEquals(
                Instant.parse("2026-03-08T07:00:00Z"),
                at("2026-03-08T12:00:00Z", NEW_YORK, 2).startOf(LocalDate.of(2026, 3, 8)));
        // Lord Howe jumps from 02:00 +10:30 to 02:30 +11:00 on 4 October 2026.
        assertEquals(
                Instant.parse("2026-10-03T15:30:00Z"),
                at("2026-10-04T12:00:00Z", LORD_HOWE, 2).startOf(LocalDate.of(2026, 10, 4)));
    }

    @Test
    void everyMomentLiesWithinTheDayItsKeyNames() {
        // Hourly through both 2026 DST changes in zones with whole- and half-hour shifts, and across the date line.
        for (ZoneId zone : List.of(NEW_YORK, LORD_HOWE, ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Asia/Kolkata"))) {
            for (int hour : List.of(0, 1, 2, 4, 23)) {
                LearnerClock clock = at("2026-01-01T00:00:00Z", zone, hour);
                for (String from : List.of(
                        "2026-03-06T00:00:00Z",
                        "2026-04-02T00:00:00Z",
                        "2026-10-02T00:00:00Z",
                        "2026-10-30T00:00:00Z")) {
                    for (int h = 0; h < 24 * 4; h++) {
                        Instant moment = Instant.parse(from).plus(Duration.ofMinutes(30L * h));
                        LocalDate day = clock.dayKey(moment).date();
                        String where = zone + " start " + hour + " at " + moment;
                        assertFalse(moment.isBefore(clock.startOf(day)), where);
                        assertTrue(moment.isBefore(clock.endOf(day)), where);
                    }
                }
            }
        }
    }

    @Test
    void daysBetweenLearnerDaysCountCalendarDaysNot24HourPeriods() {
        LearnerClock clock = at("2026-01-01T00:00:00Z", NEW_YORK, 4);
        // 03:59 EST and 04:01 EST the same night: two minutes apart, one day apart.
        DayKey before = clock.dayKey(Instant.parse("2026-01-10T08:59:00Z"));
        DayKey after = clock.dayKey(Instant.parse("2026-01-10T09:01:00Z"));
        assertEquals(1, before.daysUntil(after));
        assertEquals(-1, after.daysUntil(before));
        assertEquals(0, after.daysUntil(clock.dayKey(Instant.parse("2026-01-11T08:00:00Z"))));
    }

    @Test
    void aDayStartHourOutside0To23IsRefusedWhenTheClockIsMade() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> at("2026-01-01T00:00:00Z", NEW_YORK, 24));
        assertEquals("day-start hour must be 0-23, was 24", e.getMessage());
    }
}
