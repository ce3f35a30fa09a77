package dev.gradientdeck.streaks;

import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.present.Numbers;
import dev.gradientdeck.settings.LearnerSettings;
import dev.gradientdeck.streaks.BarChart.Bar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Today's streak and the stats page, from the stored day keys and the pure streak rules. */
public final class Stats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final StreakRepository repository;
    private final DataVersion version;
    private final LearnerSettings.Source learner;

    /** The daily goal, zone and day start are read from {@code learner} on every use: a change counts at once. */
    public Stats(StreakRepository repository, DataVersion version, LearnerSettings.Source learner) {
        this.repository = repository;
        this.version = version;
        this.learner = learner;
    }

    public record Today(LocalDate today, StreakSummary streak, Map<LocalDate, Integer> activity, int dailyGoal) {
        public int toGoal() {
            return Math.max(0, dailyGoal - streak.countToday());
        }

        public int goalPercent() {
            return Math.min(100, 100 * streak.countToday() / dailyGoal);
        }
    }

    /** What streaks are computed from, as of one fingerprint of the database, with the review log's per-day sums. */
    private record History(
            String fingerprint,
            Map<LocalDate, Integer> activity,
            Optional<CarriedRecord> carried,
            NavigableMap<LocalDate, DailyTotals.Day> days) {}

    /** The stats page as of one fingerprint, day and settings: every page view in between is served from it. */
    private record Cached(String fingerprint, LocalDate today, LearnerSettings settings, Page page) {
        boolean holds(String fingerprintNow, LocalDate todayNow, LearnerSettings settingsNow) {
            return fingerprint.equals(fingerprintNow) && today.equals(todayNow) && settings.equals(settingsNow);
        }
    }

    private volatile History history;
    private volatile Cached cached;
    /** The review log summed per day; only what was appended since is read when the data changes. Guarded by this. */
    private final DailyTotals totals = new DailyTotals();

    /**
     * Every page shows the streak, so the history behind it is read again only when the database says something changed;
     * the header badge and the home page then cost one cheap query.
     */
    private History history() {
        String stamp = version.current();
        History known = history;
        if (known != null && known.fingerprint().equals(stamp)) return known;
        // One request recomputes; the others that arrive meanwhile wait for it rather than all doing the same work.
        synchronized (this) {
            known = history;
            if (known != null && known.fingerprint().equals(stamp)) return known;
            totals.add(repository.appendedSince(totals.lastReview(), totals.lastUndo()));
            NavigableMap<LocalDate, DailyTotals.Day> days = totals.snapshot();
            Map<LocalDate, Integer> activity = DailyTotals.answers(days);
            repository.practicePerDay().forEach((day, n) -> activity.merge(day, n, Integer::sum));
            History fresh = new History(stamp, Collections.unmodifiableMap(activity), repository.carriedRecord(), days);
            history = fresh;
            return fresh;
        }
    }

    public Today now() {
        return todayFrom(history(), learner.current());
    }

    private Today todayFrom(History h, LearnerSettings settings) {
        LocalDate today = settings.clockOn(learner.clock()).today().date();
        int goal = settings.dailyGoal();
        return new Today(
                today, Streaks.compute(h.activity(), h.carried(), today, new StreakSettings(goal)), h.activity(), goal);
    }

    public record RetentionRow(String period, int reviews, Optional<Double> share) {
        public String percent() {
            return share.map(Numbers::percent).orElse("–");
        }
    }

    public record Page(
            Today today,
            String heatmap,
            String recentChart,
            String forecastChart,
            List<RetentionRow> retention,
            int reviewsLast30,
            int dueNext30) {}

    public Page page() {
        History h = history();
        LearnerSettings settings = learner.current();
        Today today = todayFrom(h, settings);
        LocalDate day = today.today();
        String fingerprint = h.fingerprint();
        Cached known = cached;
        if (known != null && known.holds(fingerprint, day, settings)) return known.page();
        synchronized (this) {
            known = cached;
            if (known != null && known.holds(fingerprint, day, settings)) return known.page();
            Page page = compute(today, day, settings.clockOn(learner.clock()), h.days());
            cached = new Cached(fingerprint, day, settings, page);
            return page;
        }
    }

    private Page compute(
            Today today, LocalDate day, LearnerClock clock, NavigableMap<LocalDate, DailyTotals.Day> days) {
        String heatmap =
                Heatmap.svg(today.activity(), new HashSet<>(today.streak().frozenDays()), day, today.dailyGoal());

        List<Bar> recent = new ArrayList<>();
        int reviewsLast30 = 0;
        for (int i = 29; i >= 0; i--) {
            LocalDate d = day.minusDays(i);
            int n = today.activity().getOrDefault(d, 0);
            reviewsLast30 += n;
            recent.add(new Bar(
                    i % 7 == 0 ? d.getDayOfMonth() + "" : "",
                    DAY.format(d) + ": " + n + (n == 1 ? " answer" : " answers"),
                    n,
                    i == 0));
        }

        Map<LocalDate, Integer> forecast = new TreeMap<>();
        Instant horizon = clock.startOf(day.plusDays(31));
        for (Instant due : repository.duesBefore(horizon)) {
            LocalDate dueDay = clock.dayKey(due).date();
            forecast.merge(dueDay.isBefore(day) ? day : dueDay, 1, Integer::sum);
        }
        List<Bar> upcoming = new ArrayList<>();
        int dueNext30 = 0;
        for (int i = 0; i < 30; i++) {
            LocalDate d = day.plusDays(i);
            int n = forecast.getOrDefault(d, 0);
            dueNext30 += n;
            String label = i == 0 ? "today" : i % 7 == 0 ? d.getDayOfMonth() + "" : "";
            upcoming.add(new Bar(label, DAY.format(d) + ": " + n + (n == 1 ? " card due" : " cards due"), n, i == 0));
        }

        List<RetentionRow> retention = List.of(
                retention(days, "Last 7 days", day.minusDays(6)),
                retention(days, "Last 30 days", day.minusDays(29)),
                retention(days, "Last 365 days", day.minusDays(364)));
        return new Page(
                today,
                heatmap,
                BarChart.svg(recent, "Answers per day, last 30 days", "#4c6ef5"),
                BarChart.svg(upcoming, "Cards due per day, next 30 days", "#2b8a3e"),
                retention,
                reviewsLast30,
                dueNext30);
    }

    private static RetentionRow retention(
            NavigableMap<LocalDate, DailyTotals.Day> days, String period, LocalDate from) {
        StreakRepository.Retention r = DailyTotals.retentionSince(days, from);
        return new RetentionRow(period, r.reviews(), r.share());
    }
}
