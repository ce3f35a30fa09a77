package dev.gradientdeck.streaks;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A streak record carried over from hand tracking in a card file ({@code Current Streak}, {@code All Time Best Streak},
 * {@code All Time Total}), true as of {@code asOf}: the current streak's days end on that date and the rest of the total
 * lies before them, on days the record does not name.
 */
public record CarriedRecord(int currentStreak, int bestStreak, int totalDays, LocalDate asOf) {

    /** Latest date first; on the same date the larger record, so the winner does not depend on the order files are read. */
    private static final Comparator<CarriedRecord> RECENCY = Comparator.comparing(CarriedRecord::asOf)
            .thenComparingInt(CarriedRecord::totalDays)
            .thenComparingInt(CarriedRecord::bestStreak)
            .thenComparingInt(CarriedRecord::currentStreak);

    public CarriedRecord {
        Objects.requireNonNull(asOf, "asOf");
        if (currentStreak < 0 || bestStreak < 0 || totalDays < 0) {
            throw new IllegalArgumentException("streak record values cannot be negative: " + currentStreak + " / "
                    + bestStreak + " / " + totalDays);
        }
    }

    /** Where several card files carry a record, the most recent one wins. */
    public static Optional<CarriedRecord> latest(List<CarriedRecord> records) {
        return records.stream().max(RECENCY);
    }

    /** The days of the record's current streak, oldest first, ending on {@link #asOf()}. */
    List<LocalDate> streakDays() {
        return asOf.minusDays(currentStreak - 1L).datesUntil(asOf.plusDays(1)).toList();
    }

    /** The day just before the current streak: not counted, or the streak would be longer. */
    LocalDate dayBeforeStreak() {
        return asOf.minusDays(currentStreak);
    }

    /** Counted days of the total that lie before {@link #dayBeforeStreak()}, on dates the record does not give. */
    int undatedEarlierDays() {
        return Math.max(0, totalDays - currentStreak);
    }
}
