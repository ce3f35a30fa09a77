package dev.gradientdeck.home;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CarriedRecord;
import dev.gradientdeck.cards.CardViews.Count;
import dev.gradientdeck.cards.DeckOverview;
import dev.gradientdeck.cards.ImportReport;
import dev.gradientdeck.review.ReviewRepository.QueueCounts;
import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.streaks.Stats;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The page a learner opens every day: the streak, what is due, and the deck at a glance. */
public final class HomeRoutes implements WebServer.Routes {
    private final CardRepository cards;
    private final DeckOverview overview;
    private final Reviews reviews;
    private final Stats stats;

    public HomeRoutes(CardRepository cards, DeckOverview overview, Reviews reviews, Stats stats) {
        this.cards = cards;
        this.overview = overview;
        this.reviews = reviews;
        this.stats = stats;
    }

    /** The home page lists the most used tags; the card list's filter has them all. */
    private static final int MOST_USED_TAGS = 20;

    public record Home(
            Stats.Today today,
            QueueCounts counts,
            int cardCount,
            List<Count> decks,
            List<Count> tags,
            int tagCount,
            Optional<CarriedRecord> carried,
            Optional<ImportReport> lastImport) {}

    @Override
    public void register(Javalin app) {
        app.get("/", this::home);
    }

    private void home(Context ctx) {
        DeckOverview.Counts counts = overview.counts();
        List<Count> decks = counts.decks();
        int total = decks.stream().mapToInt(Count::cards).sum();
        List<Count> tags = counts.tags();
        ctx.render(
                "home.jte",
                Map.of(
                        "page",
                        new Home(
                                stats.now(),
                                reviews.counts(),
                                total,
                                decks,
                                tags.subList(0, Math.min(tags.size(), MOST_USED_TAGS)),
                                tags.size(),
                                cards.latestCarriedRecord(),
                                cards.lastReport())));
    }
}
