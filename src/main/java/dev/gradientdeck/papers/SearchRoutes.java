package dev.gradientdeck.papers;

import dev.gradientdeck.papers.PaperViews.SearchHit;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Full-text search over cards and papers: the results page behind the header box, and its JSON twin. */
public final class SearchRoutes implements WebServer.Routes {
    static final int MAX_HITS = 50;

    private final SearchRepository search;

    public SearchRoutes(SearchRepository search) {
        this.search = search;
    }

    @Override
    public void register(Javalin app) {
        app.get("/search", this::page);
        app.get("/api/search", this::api);
    }

    private void page(Context ctx) {
        String typed = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        Optional<SearchQuery> query = SearchQuery.parse(typed);
        ctx.render(
                "search.jte", Map.of("page", new PaperPages.SearchPage(typed.strip(), query.isPresent(), hits(query))));
    }

    /** A query with no words (blank, or punctuation only) finds nothing rather than failing. */
    private void api(Context ctx) {
        ctx.json(hits(SearchQuery.parse(ctx.queryParam("q"))));
    }

    private List<SearchHit> hits(Optional<SearchQuery> query) {
        return query.map(q -> search.search(q, MAX_HITS)).orElse(List.of());
    }
}
