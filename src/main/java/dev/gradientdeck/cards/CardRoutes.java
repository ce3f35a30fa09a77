package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.cards.CardViews.CardSummary;
import dev.gradientdeck.cards.CardViews.Count;
import dev.gradientdeck.present.Paging;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PageParams;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pages and API for the deck: home, card list, a card, the new-card form, the import report. */
public final class CardRoutes implements WebServer.Routes {
    private final CardRepository cards;
    private final DeckImporter importer;
    private final DeckFolder folder;
    private final CardViews.Schedules schedules;
    private final CardViews.Exercises exercises;
    private final DeckOverview overview;
    private final CardViews.ImportSections importSections;
    private final java.util.function.Supplier<DeckWatcher.Status> watching;

    public CardRoutes(
            CardRepository cards,
            DeckImporter importer,
            DeckFolder folder,
            CardViews.Schedules schedules,
            CardViews.Exercises exercises,
            DeckOverview overview,
            CardViews.ImportSections importSections,
            java.util.function.Supplier<DeckWatcher.Status> watching) {
        this.watching = watching;
        this.overview = overview;
        this.importSections = importSections;
        this.cards = cards;
        this.importer = importer;
        this.folder = folder;
        this.schedules = schedules;
        this.exercises = exercises;
    }

    @Override
    public void register(Javalin app) {
        app.get("/cards", this::list);
        app.get("/cards/new", this::newCardForm);
        app.post("/cards/new", this::createCard);
        app.get("/cards/{id}", this::show);
        app.get("/cards/{id}/edit", this::editForm);
        app.post("/cards/{id}/edit", this::saveEdit);
        app.get("/import", this::importReport);
        app.post("/import", this::syncFromPage);
        app.get("/api/cards", this::apiList);
        app.get("/api/cards/{id}", this::apiShow);
        app.post("/api/import", this::apiSync);
    }

    /** Cards per page of the list; a learner can ask for up to {@link #MAX_PER_PAGE}. */
    static final int PER_PAGE = 100;

    static final int MAX_PER_PAGE = 500;

    private void list(Context ctx) {
        Optional<String> tag = Optional.ofNullable(ctx.queryParam("tag"))
                .filter(t -> !t.isBlank())
                .map(String::strip);
        Optional<String> deck = Optional.ofNullable(ctx.queryParam("deck"))
                .filter(t -> !t.isBlank())
                .map(String::strip);
        CardRepository.Filter filter = new CardRepository.Filter(tag, deck, false);
        Paging paging = PageParams.of(ctx, cards.count(filter), PER_PAGE, MAX_PER_PAGE, false)
                .within();
        List<CardSummary> shown = cards.page(filter, paging.offset(), paging.limit());
        ctx.render(
                "cards.jte",
                Map.of(
                        "page",
                        new CardPages.CardList(
                                shown,
                                tag,
                                deck,
                                overview.counts().tags(),
                                overview.remembered("states", schedules::states),
                                paging,
                                ctx.queryParam("limit") != null)));
    }

    private void show(Context ctx) {
        CardDetail card = card(ctx);
        ctx.render(
                "card.jte",
                Map.of(
                        "page",
                        new CardPages.CardPage(
                                card,
                                exercises.of(card, ctx),
                                schedules.of(card.id()).state())));
    }

    // ---- editing a card's file ----

    private void editForm(Context ctx) {
        CardDetail card = editable(ctx);
        DeckFolder.Contents contents;
        try {
            contents = folder.read(card.path());
        } catch (IOException e) {
            throw new NotFoundResponse(
                    "The file of card " + card.id() + " (" + card.path() + ") cannot be read: " + e.getMessage());
        }
        renderEdit(
                ctx, new CardPages.EditForm(card, text(contents), contents.hash(), "", 0, Optional.empty(), from(ctx)));
    }

    private void saveEdit(Context ctx) {
        CardDetail card = editable(ctx);
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("").replace("\r\n", "\n");
        String opened = Optional.ofNullable(ctx.formParam("openedHash")).orElse("");
        String from = from(ctx);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (bytes.length > CardText.MAX_BYTES)
                throw new CardFileException(
                        1, "the text is " + bytes.length + " bytes; a card file may be at most 1 MB");
            importer.check(card.path(), bytes);
            folder.replace(card.path(), text, opened);
        } catch (CardFileException e) {
            ctx.status(400);
            renderEdit(
                    ctx, new CardPages.EditForm(card, text, opened, e.getMessage(), e.line(), Optional.empty(), from));
            return;
        } catch (DeckFolder.ChangedOnDisk e) {
            ctx.status(409);
            String now = e.now().map(CardRoutes::text).orElse("");
            String problem = e.now().isPresent()
                    ? "The file changed on disk after you opened it, so it was not overwritten. Your text is kept here; the file now holds the text below."
                    : "The file was removed from the deck after you opened it, so nothing was written. Your text is kept here.";
            renderEdit(
                    ctx,
                    new CardPages.EditForm(
                            card,
                            text,
                            e.now().map(DeckFolder.Contents::hash).orElse(opened),
                            problem,
                            0,
                            Optional.of(now),
                            from));
            return;
        } catch (IOException e) {
            ctx.status(500);
            renderEdit(
                    ctx,
                    new CardPages.EditForm(
                            card,
                            text,
                            opened,
                            "Could not write " + card.path() + ": " + e.getMessage(),
                            0,
                            Optional.empty(),
                            from));
            return;
        }
        importer.sync("edit");
        // Editing the front matter's id makes it another card (the old one is archived): follow the file.
        long id = cards.idOfPath(card.path()).orElse(card.id());
        ctx.redirect(
                "review".equals(from) ? "/review?card=" + id : "/cards/" + id + "?edited=1",
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private CardDetail editable(Context ctx) {
        CardDetail card = card(ctx);
        if (card.kind().equals("paper"))
            throw new BadRequest(
                    "Card " + card.id()
                            + " is a paper prompt, made from its paper's summaries; edit the cards that cite the paper instead.");
        if (card.archived())
            throw new BadRequest("Card " + card.id() + " is archived: its file is no longer in the deck.");
        return card;
    }

    private static String from(Context ctx) {
        return "review".equals(ctx.queryParam("from")) || "review".equals(ctx.formParam("from")) ? "review" : "card";
    }

    private static String text(DeckFolder.Contents contents) {
        return new String(contents.bytes(), StandardCharsets.UTF_8);
    }

    private void renderEdit(Context ctx, CardPages.EditForm form) {
        ctx.render("card-edit.jte", Map.of("page", form));
    }

    private CardDetail card(Context ctx) {
        long id = PathId.of(ctx, "card");
        return cards.find(id).orElseThrow(() -> new NotFoundResponse("There is no card " + id + "."));
    }

    private void newCardForm(Context ctx) {
        NewCard blank = new NewCard("", "", "", "", "", "");
        renderForm(ctx, blank, Map.of());
    }

    private void renderForm(Context ctx, NewCard values, Map<String, String> problems) {
        List<String> decks = overview.counts().decks().stream().map(Count::name).toList();
        ctx.render("card-new.jte", Map.of("page", new CardPages.NewCardForm(values, problems, decks)));
    }

    private void createCard(Context ctx) {
        NewCard card = new NewCard(
                ctx.formParam("title"),
                ctx.formParam("deck"),
                ctx.formParam("tags"),
                ctx.formParam("question"),
                ctx.formParam("answer"),
                ctx.formParam("fileName"));
        Map<String, String> problems = card.problems(folder::exists);
        if (problems.isEmpty()) {
            try {
                folder.create(card.relativePath(), card.markdown());
            } catch (FileAlreadyExistsException e) {
                problems = Map.of(
                        "fileName",
                        "A card file named " + card.relativePath() + " already exists; choose another name.");
            } catch (IOException e) {
                problems = Map.of("fileName", "Could not write " + card.relativePath() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            ctx.status(400);
            renderForm(ctx, card, problems);
            return;
        }
        importer.sync("form");
        String slug = FrontMatter.withoutExtension(card.relativePath());
        long id = cards.idOfSlug(slug)
                .orElseThrow(() -> new IllegalStateException("the new card " + slug + " was not imported"));
        ctx.redirect("/cards/" + id + "?created=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void importReport(Context ctx) {
        ctx.render(
                "import.jte",
                Map.of(
                        "page",
                        new CardPages.ImportPage(
                                cards.lastReport(), folder.root().toString(), watching.get(), importSections.of(ctx))));
    }

    private void syncFromPage(Context ctx) {
        importer.sync("button");
        ctx.redirect("/import", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    // ---- JSON ----

    public record ApiCard(
            long id, String slug, String title, List<String> tags, String deck, String kind, String state) {}

    /**
     * A page of cards (100 unless {@code ?limit=} says, up to 1,000, or {@code limit=all} for the whole list), with the total
     * in {@code X-Total-Count} and the neighbouring pages in a {@code Link} header, so the body stays the plain array it was.
     */
    private void apiList(Context ctx) {
        Optional<String> tag = Optional.ofNullable(ctx.queryParam("tag"))
                .filter(t -> !t.isBlank())
                .map(String::strip);
        boolean archived = "true".equalsIgnoreCase(ctx.queryParam("archived"));
        Optional<String> q = Optional.ofNullable(ctx.queryParam("q"))
                .filter(t -> !t.isBlank())
                .map(String::strip);
        CardRepository.Filter filter = new CardRepository.Filter(tag, Optional.empty(), archived);
        if (q.isPresent()) {
            List<ApiCard> found = apiCards(cards.list(tag, archived), q);
            Paging paging = PageParams.of(ctx, found.size(), PER_PAGE, MAX_API_PAGE, true);
            pageHeaders(ctx, paging);
            ctx.json(found.subList(Math.min(paging.offset(), found.size()), paging.last()));
            return;
        }
        Paging paging = PageParams.of(
                ctx, overview.remembered("count " + filter, () -> cards.count(filter)), PER_PAGE, MAX_API_PAGE, true);
        pageHeaders(ctx, paging);
        String query = tag.orElse("") + "|" + archived + "|" + paging.page() + "|" + paging.limit();
        ctx.contentType("application/json")
                .result(overview.remembered(
                        "json " + query,
                        () -> JSON_BYTES.apply(
                                apiCards(cards.page(filter, paging.offset(), paging.limit()), Optional.empty()))));
    }

    static final int MAX_API_PAGE = 1000;

    private static void pageHeaders(Context ctx, Paging paging) {
        ctx.header("X-Total-Count", String.valueOf(paging.total()));
        List<String> links = new java.util.ArrayList<>();
        String base = ctx.path() + "?"
                + (ctx.queryString() == null
                        ? ""
                        : ctx.queryString().replaceAll("(^|&)page=[^&]*", "").replaceFirst("^&", ""));
        String prefix = base.endsWith("?") ? base : base + "&";
        if (paging.hasPrevious()) links.add("<" + prefix + "page=" + (paging.page() - 1) + ">; rel=\"prev\"");
        if (paging.hasNext()) links.add("<" + prefix + "page=" + (paging.page() + 1) + ">; rel=\"next\"");
        if (!links.isEmpty()) ctx.header("Link", String.join(", ", links));
    }

    private static final java.util.function.Function<Object, byte[]> JSON_BYTES = value -> {
        try {
            return WebServer.json().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the card list always serializes", e);
        }
    };

    private List<ApiCard> apiCards(List<CardSummary> found, Optional<String> q) {
        if (q.isPresent()) {
            String needle = q.get().toLowerCase(java.util.Locale.ROOT);
            found = found.stream()
                    .filter(c -> c.title().toLowerCase(java.util.Locale.ROOT).contains(needle))
                    .toList();
        }
        Map<Long, String> states = overview.remembered("states", schedules::states);
        return found.stream()
                .map(c -> new ApiCard(
                        c.id(),
                        c.slug(),
                        c.title(),
                        c.tags(),
                        c.deck(),
                        c.kind(),
                        c.archived() ? "archived" : states.getOrDefault(c.id(), "new")))
                .toList();
    }

    public record ApiCitation(String title, String url, String summary, Long paperId) {}

    public record ApiCardDetail(
            long id,
            String slug,
            String title,
            List<String> tags,
            String deck,
            String kind,
            String state,
            Double stability,
            Double difficulty,
            java.time.Instant due,
            int reps,
            int lapses,
            String question,
            String answer,
            List<String> keyPoints,
            List<ApiCitation> papers) {}

    private void apiShow(Context ctx) {
        CardDetail c = card(ctx);
        CardViews.CardSchedule s = schedules.of(c.id());
        ctx.json(new ApiCardDetail(
                c.id(),
                c.slug(),
                c.title(),
                c.tags(),
                c.deck(),
                c.kind(),
                c.archived() ? "archived" : s.state(),
                s.stability(),
                s.difficulty(),
                s.due(),
                s.reps(),
                s.lapses(),
                c.question(),
                c.answer(),
                c.keyPoints(),
                c.citations().stream()
                        .map(p -> new ApiCitation(p.title(), p.url(), p.summary(), p.paperId()))
                        .toList()));
    }

    private void apiSync(Context ctx) {
        ctx.json(importer.sync("api"));
    }
}
