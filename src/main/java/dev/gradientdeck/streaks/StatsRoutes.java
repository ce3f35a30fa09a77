package dev.gradientdeck.streaks;

import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The stats page and GET /api/stats: the same numbers, from the same computation. */
public final class StatsRoutes implements WebServer.Routes {
    /** How far back "frozenDays" reaches in the API: the learner cares about the freezes that saved this streak. */
    private static final int RECENT_DAYS = 60;

    private final Stats stats;
    private final Reviews reviews;

    public StatsRoutes(Stats stats, Reviews reviews) {
        this.stats = stats;
        this.reviews = reviews;
    }

    @Override
    public void register(Javalin app) {
        app.get("/stats", this::page);
        app.get("/api/stats", this::api);
    }

    private void page(Context ctx) {
        ctx.render("stats.jte", Map.of("page", stats.page(), "counts", reviews.counts()));
    }

    public record ApiStats(
            int currentStreak,
            int bestStreak,
            int totalDays,
            int freezesHeld,
            List<LocalDate> frozenDays,
            boolean todayCounted,
            int reviewsToday,
            int dailyGoal,
            int dueNow,
            int newAvailable,
            LocalDate today) {}

    private void api(Context ctx) {
        Stats.Today t = stats.now();
        var counts = reviews.counts();
        StreakSummary s = t.streak();
        List<LocalDate> recentFrozen = s.frozenDays().stream()
                .filter(d -> !d.isBefore(t.today().minusDays(RECENT_DAYS)))
                .toList();
        ctx.json(new ApiStats(
                s.current(),
                s.best(),
                s.total(),
                s.freezesHeld(),
                recentFrozen,
                s.todayCounted(),
                s.countToday(),
                t.dailyGoal(),
                counts.learning() + counts.due(),
                counts.fresh(),
                t.today()));
    }
}
