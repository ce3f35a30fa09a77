package dev.gradientdeck.streaks;

import dev.gradientdeck.streaks.BarChart.Bar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Today's streak and the stats page, from the stored day keys and the pure streak rules. */
public final class Stats {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final StreakRepository repository;
    private final Clock clock;
    private final ZoneId zone;
    private final int dayStartHour;
    private final int dailyGoal;

    public Stats(StreakRepository repository, Clock clock, ZoneId zone, int dayStartHour, int dailyGoal) {
        this.repository = repository;
        this.clock = clock;
        this.zone = zone;
        this.dayStartHour = dayStartHour;
        this.dailyGoal = dailyGoal;
    }

    public LocalDate today() {
        return DayKey.of(clock.instant(), zone, dayStartHour).date();
    }

    public int dailyGoal() {
        return dailyGoal;
    }

    public record Today(LocalDate today, StreakSummary streak, Map<LocalDate, Integer> activity, int dailyGoal) {
        public int toGoal() {
            return Math.max(0, dailyGoal - streak.countToday());
        }

        public int goalPercent() {
            return Math.min(100, 100 * streak.countToday() / dailyGoal);
        }
    }

    public Today today(Map<LocalDate, Integer> activity) {
        LocalDate today = today();
        StreakSummary summary = Streaks.compute(activity, repository.carriedRecord(), today, new StreakSettings(dailyGoal));
        return new Today(today, summary, activity, dailyGoal);
    }

    public Today now() {
        return today(repository.activityPerDay());
    }

    public record RetentionRow(String period, int reviews, Optional<Double> share) {
        public String percent() {
            return share.map(s -> String.format(Locale.ROOT, "%.1f%%", 100 * s)).orElse("–");
        }
    }

    public record Page(Today today, String heatmap, String recentChart, String forecastChart, List<RetentionRow> retention,
                       int reviewsLast30, int dueNext30) {}

    public Page page() {
        Today today = now();
        LocalDate day = today.today();
        String heatmap = Heatmap.svg(today.activity(), new HashSet<>(today.streak().frozenDays()), day, dailyGoal);

        List<Bar> recent = new ArrayList<>();
        int reviewsLast30 = 0;
        for (int i = 29; i >= 0; i--) {
            LocalDate d = day.minusDays(i);
            int n = today.activity().getOrDefault(d, 0);
            reviewsLast30 += n;
            recent.add(new Bar(i % 7 == 0 ? d.getDayOfMonth() + "" : "", DAY.format(d) + ": " + n + (n == 1 ? " answer" : " answers"), n, i == 0));
        }

        Map<LocalDate, Integer> forecast = new TreeMap<>();
        Instant horizon = day.plusDays(31).atTime(dayStartHour, 0).atZone(zone).toInstant();
        for (Instant due : repository.duesBefore(horizon)) {
            LocalDate dueDay = DayKey.of(due, zone, dayStartHour).date();
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

        List<RetentionRow> retention = List.of(retention("Last 7 days", day.minusDays(6)), retention("Last 30 days", day.minusDays(29)),
                retention("Last 365 days", day.minusDays(364)));
        return new Page(today, heatmap, BarChart.svg(recent, "Answers per day, last 30 days", "#4c6ef5"),
                BarChart.svg(upcoming, "Cards due per day, next 30 days", "#2b8a3e"), retention, reviewsLast30, dueNext30);
    }

    private RetentionRow retention(String period, LocalDate from) {
        StreakRepository.Retention r = repository.retentionSince(from);
        return new RetentionRow(period, r.reviews(), r.share());
    }
}
