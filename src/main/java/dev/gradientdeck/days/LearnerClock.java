package dev.gradientdeck.days;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The learner's clock and day settings: what time it is, the zone that decides their days, and the hour a new day starts.
 * Reviews, practice, streaks and the importer all ask this one record which day it is, so they can never disagree.
 */
public record LearnerClock(Clock clock, ZoneId zone, int dayStartHour) {

    public LearnerClock {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        DayKey.requireHour(dayStartHour);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The learner's day {@code moment} belongs to. */
    public DayKey dayKey(Instant moment) {
        return DayKey.of(moment, zone, dayStartHour);
    }

    /** The learner's day now. */
    public DayKey today() {
        return dayKey(now());
    }

    /**
     * The instant {@code day} begins: its day-start hour on the wall clock. An hour that a DST gap skips moves forward to
     * the first wall time after the gap, so a day always begins (and the one before it ends) at a real instant.
     */
    public Instant startOf(LocalDate day) {
        return day.atTime(dayStartHour, 0).atZone(zone).toInstant();
    }

    /** The instant {@code day} ends: the start of the next one, 23 to 25 hours later across a DST change. */
    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }
}
