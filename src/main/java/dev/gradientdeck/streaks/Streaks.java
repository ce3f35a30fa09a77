package dev.gradientdeck.streaks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** Streaks, best, total and freezes: a pure function of the days' activity, the carried record and today. */
public final class Streaks {

    /** Every 7th counted day of the current streak earns a freeze. */
    private static final int DAYS_PER_FREEZE = 7;

    private static final int MAX_FREEZES_HELD = 2;

    private Streaks() {}

    /**
     * @param activityPerDay reviews and practice answers per day key; days after {@code today} are ignored
     * @param record         the winning carried-over record, if any card file has one
     */
    public static StreakSummary compute(
            Map<LocalDate, Integer> activityPerDay,
            Optional<CarriedRecord> record,
            LocalDate today,
            StreakSettings settings) {
        NavigableSet<LocalDate> appDays = countedDays(activityPerDay, settings.dailyGoal(), today);
        NavigableSet<LocalDate> days = new TreeSet<>(appDays);
        record.ifPresent(r -> days.addAll(r.streakDays()));
        NavigableSet<LocalDate> pastDays = days.headSet(today, true);

        Walk walk = new Walk();
        LocalDate previous = null;
        for (LocalDate day : pastDays) {
            if (previous != null && !walk.bridge(previous, day)) {
                walk.length = 0;
            }
            walk.count();
            previous = day;
        }
        // Today may still be open, so only the days before it can have been missed so far.
        int current = previous != null && walk.bridge(previous, today) ? walk.length : 0;

        int best = Math.max(walk.best, record.map(CarriedRecord::bestStreak).orElse(0));
        int total =
                pastDays.size() + record.map(r -> undatedRecordDays(r, appDays)).orElse(0);
        int countToday = activityPerDay.getOrDefault(today, 0);
        return new StreakSummary(
                current, best, total, walk.freezes, walk.frozenDays, pastDays.contains(today), countToday);
    }

    private static NavigableSet<LocalDate> countedDays(
            Map<LocalDate, Integer> activityPerDay, int dailyGoal, LocalDate today) {
        NavigableSet<LocalDate> counted = new TreeSet<>();
        activityPerDay.forEach((day, count) -> {
            if (count >= dailyGoal && !day.isAfter(today)) {
                counted.add(day);
            }
        });
        return counted;
    }

    /**
     * The record's earlier days have no dates. The app's own counted days from that time are taken to be among them,
     * so that a day both in the record and in the app's reviews counts once; only days beyond the record's count add to it.
     */
    private static int undatedRecordDays(CarriedRecord record, NavigableSet<LocalDate> appDays) {
        int appDaysThen = appDays.headSet(record.dayBeforeStreak(), false).size();
        return Math.max(0, record.undatedEarlierDays() - appDaysThen);
    }

    /** The streak as it stands while walking forward through the counted days. */
    private static final class Walk {
        int length;
        int best;
        int freezes;
        final List<LocalDate> frozenDays = new ArrayList<>();

        /** Frozen days keep the streak but add nothing to it, so they never count toward the next freeze. */
        void count() {
            length++;
            if (length % DAYS_PER_FREEZE == 0) {
                freezes = Math.min(MAX_FREEZES_HELD, freezes + 1);
            }
            best = Math.max(best, length);
        }

        /**
         * Carries the streak from {@code lastCounted} to {@code next} over the days missed between them. Freezes are spent
         * only when they cover the whole gap; a longer gap breaks the streak and the freezes are kept for the next one.
         */
        boolean bridge(LocalDate lastCounted, LocalDate next) {
            long missed = ChronoUnit.DAYS.between(lastCounted, next) - 1;
            if (missed <= 0) {
                return true;
            }
            if (missed > freezes) {
                return false;
            }
            lastCounted.plusDays(1).datesUntil(next).forEach(frozenDays::add);
            freezes -= (int) missed;
            return true;
        }
    }
}
