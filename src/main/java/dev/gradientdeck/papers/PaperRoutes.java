package dev.gradientdeck.papers;

import dev.gradientdeck.papers.PaperViews.CitingCard;
import dev.gradientdeck.papers.PaperViews.PaperDetail;
import dev.gradientdeck.papers.PaperViews.PaperSummary;
import dev.gradientdeck.present.Paging;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PageParams;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pages, API and exports for the papers of the deck: the list, a paper, BibTeX and CSL-JSON. */
public final class PaperRoutes implements WebServer.Routes {
    /** Papers per page of the list: a deck citing thousands of papers stays a short page. */
    static final int PER_PAGE = 100;

    private final PaperRepository papers;

    public PaperRoutes(PaperRepository papers) {
        this.papers = papers;
    }

    @Override
    public void register(Javalin app) {
        app.get("/papers", this::list);
        app.get("/papers.bib", this::bibtex);
        app.get("/papers.json", this::cslJson);
        app.get("/papers/{id}", this::show);
        app.get("/api/papers", this::apiList);
        app.get("/api/papers/{id}", this::apiShow);
    }

    private void list(Context ctx) {
        Optional<String> tag = tag(ctx);
        Optional<PaperNote.Status> status = status(ctx);
        PaperRepository.Sort sort = sort(ctx);
        Paging asked = PageParams.of(ctx, 0, PER_PAGE, PER_PAGE, false);
        PaperRepository.Page found = papers.page(tag, status, sort, asked.offset(), asked.limit());
        Paging paging = new Paging(asked.page(), asked.limit(), found.total());
        if (paging.within().page() != paging.page()) {
            // Past the last page: the last page, as on the card list.
            paging = paging.within();
            found = papers.page(tag, status, sort, paging.offset(), paging.limit());
        }
        ctx.render(
                "papers.jte",
                Map.of(
                        "page",
                        new PaperPages.PaperList(found.papers(), tag, status, sort, papers.tagCounts(), paging)));
    }

    private void show(Context ctx) {
        ctx.render("paper.jte", Map.of("page", new PaperPages.PaperPage(paper(ctx))));
    }

    private void bibtex(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"papers.bib\"");
        ctx.contentType("application/x-bibtex; charset=utf-8").result(Bibtex.export(papers.bibliography()));
    }

    private void cslJson(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"papers.json\"");
        ctx.json(CslJson.export(papers.bibliography()));
    }

    // ---- request values ----

    private static Optional<String> tag(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("tag"))
                .map(t -> t.strip().replaceFirst("^#", ""))
                .filter(t -> !t.isBlank());
    }

    private static Optional<PaperNote.Status> status(Context ctx) {
        Optional<String> written =
                Optional.ofNullable(ctx.queryParam("status")).map(String::strip).filter(s -> !s.isEmpty());
        if (written.isEmpty()) return Optional.empty();
        return Optional.of(PaperNote.Status.parse(written.get())
                .orElseThrow(() -> new BadRequest(
                        "status '" + written.get() + "' is not one of: " + PaperNote.Status.allowed() + ".")));
    }

    private static PaperRepository.Sort sort(Context ctx) {
        String written = ctx.queryParam("sort");
        if (written == null || written.isBlank()) return PaperRepository.Sort.READ;
        return PaperRepository.Sort.parse(written)
                .orElseThrow(() -> new BadRequest("sort '" + written.strip() + "' is not one of: read, title."));
    }

    private PaperDetail paper(Context ctx) {
        long id = PathId.of(ctx, "paper");
        return papers.find(id).orElseThrow(() -> new NotFoundResponse("There is no paper " + id + "."));
    }

    // ---- JSON ----

    public record ApiPaper(long id, String title, String url, String arxivId, String summary, List<Long> cardIds) {}

    private void apiList(Context ctx) {
        List<PaperSummary> found = papers.list(tag(ctx), status(ctx), sort(ctx));
        ctx.json(found.stream()
                .map(p -> new ApiPaper(p.id(), p.title(), p.url(), p.arxivId(), p.summary(), p.cardIds()))
                .toList());
    }

    public record ApiSummary(long cardId, String cardTitle, String summary) {}

    public record ApiNote(String path, String notes) {}

    public record ApiPaperDetail(
            long id,
            String title,
            List<String> authors,
            Integer year,
            String url,
            String arxivId,
            String doi,
            String status,
            LocalDate readDate,
            List<String> tags,
            String summary,
            List<ApiSummary> summaries,
            List<ApiNote> notes,
            List<Long> cardIds,
            Long promptCardId,
            boolean archived) {}

    private void apiShow(Context ctx) {
        PaperDetail p = paper(ctx);
        ctx.json(new ApiPaperDetail(
                p.id(),
                p.title(),
                p.authors(),
                p.year(),
                p.url(),
                p.arxivId(),
                p.doi(),
                p.status(),
                p.readDate(),
                p.tags(),
                p.summary(),
                p.citations().stream()
                        .filter(c -> !c.summary().isBlank())
                        .map(c -> new ApiSummary(c.cardId(), c.cardTitle(), c.summary()))
                        .toList(),
                p.notes().stream().map(n -> new ApiNote(n.path(), n.notes())).toList(),
                p.cards().stream().map(CitingCard::cardId).toList(),
                p.promptCardId(),
                p.archived()));
    }
}
