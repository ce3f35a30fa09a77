package dev.gradientdeck.days;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The learner's day a moment belongs to. It is computed once, when a review or practice answer happens, and stored with it,
 * so a later change of zone or day-start hour never moves a day that has already been lived.
 */
public record DayKey(LocalDate date) {

    public DayKey {
        Objects.requireNonNull(date, "date");
    }

    /**
     * The day of {@code moment} for a learner in {@code zone} whose day starts at {@code dayStartHour} (0-23).
     *
     * <p>The shift is done on the wall clock, not on the instant: a 23- or 25-hour DST day is still one day, and a start
     * hour that falls in a spring-forward gap begins the day at the first wall time after the gap.
     */
    public static DayKey of(Instant moment, ZoneId zone, int dayStartHour) {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(zone, "zone");
        requireHour(dayStartHour);
        return new DayKey(
                moment.atZone(zone).toLocalDateTime().minusHours(dayStartHour).toLocalDate());
    }

    /** Whole days from this day to {@code later}, the way Anki counts elapsed days (not 24-hour periods). */
    public long daysUntil(DayKey later) {
        return ChronoUnit.DAYS.between(date, later.date());
    }

    static void requireHour(int dayStartHour) {
        if (dayStartHour < 0 || dayStartHour > 23) {
            throw new IllegalArgumentException("day-start hour must be 0-23, was " + dayStartHour);
        }
    }
}
