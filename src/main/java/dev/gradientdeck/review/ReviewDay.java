package dev.gradientdeck.review;

import dev.gradientdeck.streaks.DayKey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The learner's day a moment falls in, and the instant that day ends (the next day-start hour, DST-aware). */
public record ReviewDay(LocalDate date, Instant ends) {
    public static ReviewDay of(Instant now, ZoneId zone, int dayStartHour) {
        LocalDate date = DayKey.of(now, zone, dayStartHour).date();
        // atZone moves an hour that a DST gap skips forward, so the day still ends at a real instant.
        return new ReviewDay(date, date.plusDays(1).atTime(dayStartHour, 0).atZone(zone).toInstant());
    }

    /** Whole days between two review days, the way Anki counts elapsed days (not 24-hour periods). */
    public static long daysBetween(LocalDate earlier, LocalDate later) {
        return java.time.temporal.ChronoUnit.DAYS.between(earlier, later);
    }
}
