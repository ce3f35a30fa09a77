package dev.gradientdeck.descent.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.SpecException;
import dev.gradientdeck.descent.exercise.Exercise;
import dev.gradientdeck.descent.exercise.Exercise.Attempt;
import dev.gradientdeck.descent.exercise.Exercise.Item;
import dev.gradientdeck.descent.exercise.WhatIf;
import dev.gradientdeck.descent.spec.DescentSpecs;
import dev.gradientdeck.descent.spec.ValidSpec;
import dev.gradientdeck.descent.web.DescentPages.ExerciseView;
import dev.gradientdeck.descent.web.DescentRepository.Drawn;
import dev.gradientdeck.descent.web.DescentRepository.StoredRun;
import dev.gradientdeck.review.GradeButton;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The descent pages and API: the live exercise on a descent card (on its card page, on its own page
 * and from the review loop), the predictions posted to it, its grade for the scheduler (through
 * the shared {@link Grading}), {@code POST /api/descent/run} and {@code POST /api/descent/grade}
 * (see {@link DescentApiRoutes}).
 */
public final class DescentRoutes implements WebServer.Routes, CardViews.Exercises {
    private static final ObjectMapper SPEC_JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final DescentRepository runs;
    private final CardRepository cards;
    private final Reviews reviews;
    private final Grading grading;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public DescentRoutes(DescentRepository runs, CardRepository cards, Reviews reviews, Grading grading) {
        this.runs = runs;
        this.cards = cards;
        this.reviews = reviews;
        this.grading = grading;
    }

    @Override
    public void register(Javalin app) {
        app.get("/cards/{id}/descent", this::page);
        app.post("/cards/{id}/descent/predict", this::predict);
        app.post("/cards/{id}/descent/grade", this::grade);
        app.post("/api/descent/run", DescentApiRoutes::run);
        app.post("/api/descent/grade", DescentApiRoutes::grade);
        // A run stored under rules the engine has since tightened; the pages show this in place,
        // forms answer it here.
        app.exception(
                SpecException.class,
                (e, ctx) -> WebServer.answerError(
                        ctx, 409, "This run's simulation cannot run any more: " + e.getMessage(), List.of()));
    }

    // ---- pages ----

    /**
     * The card page shows a descent card's exercise in place; forms there come back to the card
     * page.
     */
    @Override
    public Optional<Content> of(CardDetail card, Context ctx) {
        if (card.descentSpec() == null) {
            return Optional.empty();
        }
        ExerciseView view = view(card, ctx, "card");
        return Optional.of(output -> templates.render("descent-exercise.jte", Map.of("exercise", view), output));
    }

    private void page(Context ctx) {
        CardDetail card = descentCard(ctx);
        String from = "review".equals(ctx.queryParam("from")) ? "review" : "page";
        ctx.render("descent.jte", Map.of("page", new DescentPages.Page(card, view(card, ctx, from))));
    }

    /** The run asked for ({@code ?run=}), else the card's open run, else a fresh one drawn now. */
    private ExerciseView view(CardDetail card, Context ctx, String from) {
        String runParam = ctx.queryParam("run");
        StoredRun stored;
        try {
            if (runParam != null) {
                stored = storedRun(card, runParam);
            } else {
                ValidSpec spec = DescentSpecs.fromYaml(card.descentSpec());
                stored = runs.openOrStart(card.id(), () -> draw(spec), reviews.now());
            }
            return view(card, ctx, from, stored, Map.of(), Map.of(), "");
        } catch (SpecException e) {
            return DescentPages.broken(
                    card.id(),
                    from,
                    action(card.id()),
                    here(card.id(), from),
                    "This card's simulation cannot run: "
                            + e.getMessage()
                            + ". Fix the ```descent block in "
                            + card.path()
                            + ".");
        }
    }

    private ExerciseView view(
            CardDetail card,
            Context ctx,
            String from,
            StoredRun stored,
            Map<String, String> typed,
            Map<String, String> errors,
            String formError) {
        Exercise exercise = exercise(stored);
        Map<String, String> form = null;
        WhatIf.Outcome outcome = null;
        DescentRun whatIfRun = null;
        if (exercise.done() && ctx.queryParam("optimizer") != null) {
            form = new LinkedHashMap<>();
            for (var param : ctx.queryParamMap().entrySet()) {
                form.put(
                        param.getKey(),
                        param.getValue().isEmpty() ? "" : param.getValue().get(0));
            }
            outcome = WhatIf.apply(exercise.spec(), form);
            if (outcome.ok()) {
                whatIfRun = outcome.spec().run();
            } else {
                ctx.status(HttpStatus.BAD_REQUEST);
            }
        }
        List<GradeButton> buttons = exercise.done() && !stored.finished()
                ? grading.buttons(card.id(), exercise.score().suggested())
                : List.of();
        ValidSpec cardSpec;
        try {
            cardSpec = DescentSpecs.fromYaml(card.descentSpec());
        } catch (SpecException e) {
            cardSpec = null;
        }
        return DescentPages.view(new DescentPages.Inputs(
                card.id(),
                stored,
                exercise,
                cardSpec == null ? null : cardSpec.spec(),
                from,
                action(card.id()),
                here(card.id(), from),
                typed,
                errors,
                formError,
                form,
                outcome,
                whatIfRun,
                buttons));
    }

    /** Where the exercise's forms post. */
    private static String action(long cardId) {
        return "/cards/" + cardId + "/descent";
    }

    /** The page showing the exercise, where the what-if form sends its values. */
    private static String here(long cardId, String from) {
        return from.equals("card") ? "/cards/" + cardId : action(cardId);
    }

    private Drawn draw(ValidSpec spec) {
        // Nine digits are plenty to tell reviews apart, and short enough to read off the page and
        // replay.
        long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        try {
            return new Drawn(
                    seed, SPEC_JSON.writeValueAsString(spec.randomized(seed).spec()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec always serializes", e);
        }
    }

    private Exercise exercise(StoredRun stored) {
        return Exercise.of(DescentSpecs.fromJson(stored.specJson()), runs.attempts(stored.id()), stored.revealed());
    }

    // ---- forms ----

    private void predict(Context ctx) {
        CardDetail card = descentCard(ctx);
        StoredRun stored = storedRun(card, ctx.formParam("run"));
        String from = from(ctx.formParam("from"));
        int step = integer(ctx.formParam("step"), "step");
        Exercise exercise = exercise(stored);
        String place = place(card.id(), from);
        if (stored.finished() || exercise.currentStep().orElse(-1) != step) {
            // A second tab or a double click: that step is behind the learner already; show where
            // the run stands.
            ctx.redirect(place + "#step-" + step, HttpStatus.SEE_OTHER);
            return;
        }
        boolean reveal = "reveal".equals(ctx.formParam("action"));
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Attempt> attempts = new ArrayList<>();
        for (Item item : exercise.items(step)) {
            String value = ctx.formParam(item.field());
            if (exercise.solved(item) || value == null || value.isBlank()) {
                continue;
            }
            typed.put(item.field(), value);
            try {
                attempts.add(exercise.check(item, value));
            } catch (IllegalArgumentException e) {
                errors.put(item.field(), e.getMessage());
            }
        }
        if (!errors.isEmpty() || (attempts.isEmpty() && !reveal)) {
            String formError = errors.isEmpty()
                    ? "Type at least one prediction to check, or reveal the step."
                    : "Nothing was stored: fix the fields marked below and check again.";
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render(
                    "descent.jte",
                    Map.of(
                            "page",
                            new DescentPages.Page(card, view(card, ctx, from, stored, typed, errors, formError))));
            return;
        }
        boolean solved = exercise.items(step).stream()
                .allMatch(item -> exercise.solved(item)
                        || attempts.stream().anyMatch(a -> a.item().equals(item) && a.correct()));
        runs.record(stored.id(), step - 1, attempts, reveal || solved ? step : step - 1, reviews.now());
        ctx.redirect(place + "#step-" + step, HttpStatus.SEE_OTHER);
    }

    /**
     * Grades the card for the scheduler through the shared {@link Grading}, once per run: the
     * run's id makes the review's request id.
     */
    private void grade(Context ctx) {
        CardDetail card = descentCard(ctx);
        StoredRun stored = storedRun(card, ctx.formParam("run"));
        String from = from(ctx.formParam("from"));
        Rating rating = Grading.rating(ctx.formParam("rating"));
        if (!stored.finished()) {
            Exercise exercise = exercise(stored);
            if (!exercise.done()) {
                throw new ConflictResponse("Step "
                        + exercise.currentStep().orElseThrow()
                        + " is still to predict: predict or "
                        + "reveal every predicted step before grading the card.");
            }
            Instant now = reviews.now();
            Reviews.Answered answered = grading.grade(
                    card.id(),
                    rating,
                    "descent-run-" + stored.id(),
                    Optional.of(Grading.timeTaken(stored.startedAt(), now)));
            runs.finish(stored.id(), rating.value(), answered.review().id(), now);
        }
        String next = switch (from) {
            case "review" -> "/review";
            case "card" -> "/cards/" + card.id() + "?run=" + stored.id() + "#grade";
            default -> "/cards/" + card.id() + "/descent?run=" + stored.id() + "#grade";
        };
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private static String place(long cardId, String from) {
        return switch (from) {
            case "card" -> "/cards/" + cardId;
            case "review" -> "/cards/" + cardId + "/descent?from=review";
            default -> "/cards/" + cardId + "/descent";
        };
    }

    private static String from(String raw) {
        return raw != null && List.of("card", "review").contains(raw) ? raw : "page";
    }

    private CardDetail descentCard(Context ctx) {
        long id = PathId.of(ctx, "card");
        CardDetail card = cards.find(id).orElseThrow(() -> new NotFoundResponse("There is no card " + id + "."));
        if (card.descentSpec() == null) {
            throw new NotFoundResponse("Card " + id + " has no simulation: only cards with a ```descent block do.");
        }
        return card;
    }

    private StoredRun storedRun(CardDetail card, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadRequest("run is missing: the form names the run it belongs to");
        }
        long id;
        try {
            id = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("run '" + raw + "' is not a run number");
        }
        return runs.run(id)
                .filter(run -> run.cardId() == card.id())
                .orElseThrow(() -> new NotFoundResponse("Card " + card.id() + " has no run " + id + "."));
    }

    private static int integer(String raw, String field) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(field + " '" + raw + "' is not a whole number");
        }
    }
}
