package dev.gradientdeck.days;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayKeyTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static LocalDate key(String instant, ZoneId zone, int dayStartHour) {
        return DayKey.of(Instant.parse(instant), zone, dayStartHour).date();
    }

    @Test
    void aReviewJustBeforeTheDayStartHourBelongsToThePreviousDay() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 03:59:59 and 04:00:00 local time (UTC+1 in January).
        assertEquals(LocalDate.of(2026, 1, 14), key("2026-01-15T02:59:59Z", berlin, 4));
        assertEquals(LocalDate.of(2026, 1, 15), key("2026-01-15T03:00:00Z", berlin, 4));
    }

    @Test
    void dayStartHourZeroIsTheLocalCalendarDate() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(LocalDate.of(2026, 5, 31), key("2026-05-31T14:59:59Z", tokyo, 0));
        assertEquals(LocalDate.of(2026, 6, 1), key("2026-05-31T15:00:00Z", tokyo, 0));
    }

    @Test
    void newYorkSpringForwardMakesA23HourDayThatIsStillOneDay() {
        // Day-start 4: 7 March starts at 04:00 EST (09:00Z), 8 March at 04:00 EDT (08:00Z): 23 hours apart.
        assertEquals(LocalDate.of(2026, 3, 6), key("2026-03-07T08:59:59Z", NEW_YORK, 4));
        assertEquals(LocalDate.of(2026, 3, 7), key("2026-03-07T09:00:00Z", NEW_YORK, 4));
        assertEquals(LocalDate.of(2026, 3, 7), key("2026-03-08T07:59:59Z", NEW_YORK, 4));
        assertEquals(LocalDate.of(2026, 3, 8), key("2026-03-08T08:00:00Z", NEW_YORK, 4));
    }

    @Test
    void newYorkFallBackMakesA25HourDayThatIsStillOneDay() {
        // Day-start 4: 31 October starts at 04:00 EDT (08:00Z), 1 November at 04:00 EST (09:00Z): 25 hours apart.
        assertEquals(LocalDate.of(2026, 10, 30), key("2026-10-31T07:59:59Z", NEW_YORK, 4));
        assertEquals(LocalDate.of(2026, 10, 31), key("2026-10-31T08:00:00Z", NEW_YORK, 4));
        assertEquals(LocalDate.of(2026, 10, 31), key("2026-11-01T08:59:59Z", NEW_YORK, 4));
        assertEquals(LocalDate.of(2026, 11, 1), key("2026-11-01T09:00:00Z", NEW_YORK, 4));
    }

    @Test
    void aDayStartHourInTheSpringForwardGapStartsTheDayWhenTheClockJumps() {
        // 02:00 does not exist on 8 March 2026 in New York: 01:59:59 EST is followed by 03:00:00 EDT.
        assertEquals(LocalDate.of(2026, 3, 7), key("2026-03-08T06:59:59Z", NEW_YORK, 2));
        assertEquals(LocalDate.of(2026, 3, 8), key("2026-03-08T07:00:00Z", NEW_YORK, 2));
        // On 9 March 02:00 exists again (EDT, 06:00Z).
        assertEquals(LocalDate.of(2026, 3, 8), key("2026-03-09T05:59:59Z", NEW_YORK, 2));
        assertEquals(LocalDate.of(2026, 3, 9), key("2026-03-09T06:00:00Z", NEW_YORK, 2));
    }

    @Test
    void aDayStartHourInTheRepeatedFallBackHourStartsTheDayAtItsFirstOccurrence() {
        // 01:00-02:00 happens twice on 1 November 2026; both 01:30s belong to 1 November.
        assertEquals(LocalDate.of(2026, 10, 31), key("2026-11-01T04:59:59Z", NEW_YORK, 1));
        assertEquals(LocalDate.of(2026, 11, 1), key("2026-11-01T05:00:00Z", NEW_YORK, 1));
        assertEquals(LocalDate.of(2026, 11, 1), key("2026-11-01T05:30:00Z", NEW_YORK, 1));
        assertEquals(LocalDate.of(2026, 11, 1), key("2026-11-01T06:30:00Z", NEW_YORK, 1));
    }

    @Test
    void lordHoweThirtyMinuteSpringForwardGap() {
        // 4 October 2026: 02:00 +10:30 jumps to 02:30 +11:00. With day-start 2 the day begins at 02:30 (15:30Z on the
        // 3rd).
        assertEquals(LocalDate.of(2026, 10, 3), key("2026-10-03T15:29:59Z", LORD_HOWE, 2));
        assertEquals(LocalDate.of(2026, 10, 4), key("2026-10-03T15:30:00Z", LORD_HOWE, 2));
        // 5 October's 02:00 is +11:00 (15:00Z on the 4th): 4 October lasted 23.5 hours.
        assertEquals(LocalDate.of(2026, 10, 4), key("2026-10-04T14:59:59Z", LORD_HOWE, 2));
        assertEquals(LocalDate.of(2026, 10, 5), key("2026-10-04T15:00:00Z", LORD_HOWE, 2));
    }

    @Test
    void lordHoweThirtyMinuteFallBackMakesA24AndAHalfHourDay() {
        // 5 April 2026: 02:00 +11:00 falls back to 01:30 +10:30. 4 April runs from 04:00 +11:00 to 04:00 +10:30.
        assertEquals(LocalDate.of(2026, 4, 3), key("2026-04-03T16:59:59Z", LORD_HOWE, 4));
        assertEquals(LocalDate.of(2026, 4, 4), key("2026-04-03T17:00:00Z", LORD_HOWE, 4));
        assertEquals(LocalDate.of(2026, 4, 4), key("2026-04-04T17:29:59Z", LORD_HOWE, 4));
        assertEquals(LocalDate.of(2026, 4, 5), key("2026-04-04T17:30:00Z", LORD_HOWE, 4));
    }

    @Test
    void theSameMomentIsTwoDatesApartAcrossTheDateLine() {
        Instant moment = Instant.parse("2026-06-01T10:30:00Z");
        // Kiritimati is UTC+14, Pago Pago UTC-11.
        assertEquals(
                LocalDate.of(2026, 6, 2),
                DayKey.of(moment, ZoneId.of("Pacific/Kiritimati"), 0).date());
        assertEquals(
                LocalDate.of(2026, 5, 31),
                DayKey.of(moment, ZoneId.of("Pacific/Pago_Pago"), 0).date());
        // 00:30 in Kiritimati is still the previous learning day with day-start 4; 23:30 in Pago Pago is unaffected.
        assertEquals(
                LocalDate.of(2026, 6, 1),
                DayKey.of(moment, ZoneId.of("Pacific/Kiritimati"), 4).date());
        assertEquals(
                LocalDate.of(2026, 5, 31),
                DayKey.of(moment, ZoneId.of("Pacific/Pago_Pago"), 4).date());
    }

    @Test
    void dayStartHourOutside0To23IsRefused() {
        Instant moment = Instant.parse("2026-06-01T10:30:00Z");
        assertThrows(IllegalArgumentException.class, () -> DayKey.of(moment, NEW_YORK, 24));
        assertThrows(IllegalArgumentException.class, () -> DayKey.of(moment, NEW_YORK, -1));
    }
}
