package dev.gradientdeck.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.review.ReviewRepository;
import dev.gradientdeck.review.fit.Evaluation;
import dev.gradientdeck.review.fit.FitReport;
import dev.gradientdeck.review.fit.Items;
import dev.gradientdeck.settings.LearnerSettings;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The scheduler page (fit, live descent, result, past fits, workload) and its API. */
public final class SchedulerRoutes implements WebServer.Routes {
    private static final ObjectMapper JSON = WebServer.json();

    private final SchedulerParameters parameters;
    private final SchedulerRepository store;
    private final FitRuns runs;
    private final ReviewRepository log;
    private final DataVersion version;
    private final LearnerSettings.Source learner;

    public SchedulerRoutes(
            SchedulerParameters parameters,
            SchedulerRepository store,
            FitRuns runs,
            ReviewRepository log,
            DataVersion version,
            LearnerSettings.Source learner) {
        this.parameters = parameters;
        this.store = store;
        this.runs = runs;
        this.log = log;
        this.version = version;
        this.learner = learner;
    }

    @Override
    public void register(Javalin app) {
        app.get("/scheduler", this::page);
        app.post("/scheduler/fits", this::startFromPage);
        app.get("/scheduler/fits/{id}/live", this::live);
        app.post("/scheduler/use", this::useFromPage);
        app.post("/scheduler/retention", this::retentionFromPage);
        app.post("/api/scheduler/fits", this::startFromApi);
        app.get("/api/scheduler/fits/{id}", this::fitFromApi);
        app.get("/api/scheduler", this::inUseFromApi);
        app.put("/api/scheduler", this::changeFromApi);
        app.get("/api/scheduler/workload", this::workloadFromApi);
    }

    // ---- what the log says now, worked out once per change of data or parameters ----

    private record Derived(
            String stamp,
            Items.Built items,
            SchedulerPages.Readiness readiness,
            List<double[]> workload,
            Evaluation.Metrics inUseFigures) {}

    private volatile Derived derived;

    private Derived derived() {
        SchedulerRepository.InUse inUse = store.inUse();
        int newPerDay = learner.current().newPerDay();
        String stamp = version.current() + "/" + inUse.weights() + "/" + newPerDay;
        Derived known = derived;
        if (known != null && known.stamp().equals(stamp)) return known;
        synchronized (this) {
            known = derived;
            if (known != null && known.stamp().equals(stamp)) return known;
            Items.Built built = runs.items();
            List<ReviewRepository.LogLine> lines = log.reviewLog();
            List<ReviewRepository.DeckCard> deck = log.deckCards();
            int fresh = (int) deck.stream().filter(c -> c.state().equals("new")).count();
            List<double[]> workload = Workload.perRetention(
                    SchedulerPages.cardsNow(deck, learner.clock().instant()),
                    fresh,
                    newPerDay,
                    inUse.weights(),
                    SchedulerPages.gradeMix(lines));
            var evaluated = Evaluation.referenceOrder(built.items());
            Evaluation.Metrics figures = evaluated.isEmpty()
                    ? null
                    : Evaluation.evaluate(SchedulerPages.weights(inUse.weights()), evaluated);
            Derived fresh2 = new Derived(stamp, built, SchedulerPages.Readiness.of(built), workload, figures);
            derived = fresh2;
            return fresh2;
        }
    }

    // ---- the page ----

    private void page(Context ctx) {
        SchedulerRepository.InUse inUse = store.inUse();
        Derived d = derived();
        Optional<Long> running = runs.current().map(l -> l.id);
        Optional<SchedulerPages.Shown> shown = Optional.ofNullable(ctx.queryParam("fit"))
                .map(raw -> ctx.queryParamAsClass("fit", Long.class)
                        .getOrThrow(e -> new NotFoundResponse("There is no fit " + raw + ".")))
                .map(id -> store.fit(id).orElseThrow(() -> new NotFoundResponse("There is no fit " + id + ".")))
                .or(() -> store.fits().stream().findFirst().flatMap(f -> store.fit(f.id())))
                .map(f -> SchedulerPages.shown(f, inUse));
        ctx.render(
                "scheduler.jte",
                Map.of(
                        "page",
                        new SchedulerPages.Page(
                                SchedulerPages.inUse(
                                        inUse,
                                        parameters.desiredRetention(),
                                        learner.current().zone()),
                                d.readiness(),
                                running,
                                shown,
                                SchedulerPages.history(
                                        store.fits(), inUse, learner.current().zone()),
                                FitCharts.workload(d.workload(), parameters.desiredRetention()),
                                SchedulerPages.retentions(d.workload(), parameters.desiredRetention()),
                                notice(ctx.queryParam("notice")))));
    }

    private static String notice(String code) {
        if (code == null) return "";
        return switch (code) {
            case "used" ->
                "The new weights are in use: every answer from now on is scheduled with them, and your cards' memory was recomputed from their history.";
            case "rescheduled" -> "The new weights are in use and your cards were rescheduled with them.";
            case "defaults" -> "Back on the FSRS-6 defaults; your cards' memory was recomputed from their history.";
            case "retention" -> "Desired retention changed: intervals from your next answers aim at it.";
            case "running" -> "A fit is already running; here it is.";
            default -> "";
        };
    }

    private void startFromPage(Context ctx) {
        long id;
        try {
            id = start();
        } catch (FitRuns.AlreadyRunning e) {
            ctx.redirect("/scheduler?notice=running#live", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect("/scheduler#live", HttpStatus.SEE_OTHER);
    }

    private long start() {
        SchedulerPages.Readiness readiness = derived().readiness();
        if (!readiness.canFit()) {
            throw new BadRequest("Your log has " + readiness.items()
                    + " reviews on later days to learn from; a fit needs " + readiness.needed() + " more.");
        }
        return runs.start();
    }

    /** The live view's pieces, swapped into the page while a fit runs. */
    private void live(Context ctx) {
        long id = PathId.of(ctx, "fit");
        Optional<FitRuns.Live> live = runs.live(id);
        if (live.isEmpty()) {
            SchedulerRepository.StoredFit fit =
                    store.fit(id).orElseThrow(() -> new NotFoundResponse("There is no fit " + id + "."));
            ctx.header("X-Fit-Status", fit.status()).html("");
            return;
        }
        FitRuns.Live l = live.get();
        List<double[]> curve = l.curveFrom(0);
        double[] w = l.weights() == null ? SchedulerPages.weights(store.inUse().weights()) : l.weights();
        String progress = l.phase().equals("fitting")
                ? "Epoch " + l.epoch() + " of 5 · step " + l.step() + " of " + l.steps()
                : l.phase().startsWith("checking")
                        ? "Checking on held-out reviews: fold " + l.fold() + " of 5"
                        : "Reading your review log";
        int percent = l.phase().startsWith("checking") ? 100 : l.steps() == 0 ? 0 : 100 * l.step() / l.steps();
        ctx.header("X-Fit-Status", "running")
                .html("<p class=\"fit-progress\" role=\"status\">" + progress + "</p>"
                        + "<progress max=\"100\" value=\"" + percent + "\">" + percent + " %</progress>"
                        + "<div class=\"columns\"><div><h3>Loss per step</h3>"
                        + FitCharts.lossCurve(curve, Math.max(1, l.steps())) + "</div>"
                        + "<div><h3>Weights against their defaults</h3>"
                        + FitCharts.weightBars(w, dev.gradientdeck.review.fit.FsrsOptimizer.defaults())
                        + "</div></div>");
    }

    private void useFromPage(Context ctx) {
        String raw = ctx.formParam("fitId");
        boolean reschedule = "on".equals(ctx.formParam("reschedule")) || "true".equals(ctx.formParam("reschedule"));
        if (raw == null || raw.equals("defaults")) {
            parameters.useWeights(
                    dev.gradientdeck.review.FsrsSettings.DEFAULT_WEIGHTS, null, reschedule, "back to the defaults");
            ctx.redirect("/scheduler?notice=defaults", HttpStatus.SEE_OTHER);
            return;
        }
        long id = ctx.formParamAsClass("fitId", Long.class).get();
        useFit(id, reschedule);
        ctx.redirect("/scheduler?fit=" + id + "&notice=" + (reschedule ? "rescheduled" : "used"), HttpStatus.SEE_OTHER);
    }

    private SchedulerRepository.InUse useFit(long id, boolean reschedule) {
        SchedulerRepository.StoredFit fit =
                store.fit(id).orElseThrow(() -> new NotFoundResponse("There is no fit " + id + "."));
        if (!fit.status().equals("done") || fit.weights() == null) {
            throw new io.javalin.http.ConflictResponse(
                    "Fit " + id + " is " + fit.status() + "; only a finished fit can be used.");
        }
        return parameters.useWeights(
                java.util.Arrays.stream(fit.weights()).boxed().toList(), id, reschedule, "fit " + id);
    }

    private void retentionFromPage(Context ctx) {
        useRetention(ctx.formParamAsClass("retention", Double.class).get());
        ctx.redirect("/scheduler?notice=retention", HttpStatus.SEE_OTHER);
    }

    private double useRetention(double value) {
        // The form offers percent; the API takes a fraction.
        double fraction = value > 1 ? value / 100 : value;
        try {
            parameters.useDesiredRetention(fraction);
            return fraction;
        } catch (IllegalArgumentException e) {
            throw new BadRequest("desired retention: " + e.getMessage() + " (sent " + value + ")");
        }
    }

    // ---- API ----

    public record Started(long id, String status) {}

    private void startFromApi(Context ctx) {
        try {
            long id = start();
            ctx.status(202).header("Location", "/api/scheduler/fits/" + id).json(new Started(id, "running"));
        } catch (FitRuns.AlreadyRunning e) {
            WebServer.answerError(
                    ctx, 409, "A fit is already running: " + e.id + ".", List.of("/api/scheduler/fits/" + e.id));
        }
    }

    public record ApiFit(
            long id,
            String status,
            String phase,
            int epoch,
            int step,
            int steps,
            int fold,
            List<double[]> loss,
            double[] weights,
            Instant startedAt,
            Instant finishedAt,
            FitReport report,
            String message) {}

    private void fitFromApi(Context ctx) {
        long id = PathId.of(ctx, "fit");
        int from = ctx.queryParamAsClass("from", Integer.class)
                .check(n -> n >= 0, "must be 0 or more")
                .getOrDefault(0);
        Optional<FitRuns.Live> live = runs.live(id);
        if (live.isPresent()) {
            FitRuns.Live l = live.get();
            ctx.json(new ApiFit(
                    id,
                    "running",
                    l.phase(),
                    l.epoch(),
                    l.step(),
                    l.steps(),
                    l.fold(),
                    l.curveFrom(from),
                    l.weights(),
                    l.startedAt,
                    null,
                    null,
                    null));
            return;
        }
        SchedulerRepository.StoredFit fit =
                store.fit(id).orElseThrow(() -> new NotFoundResponse("There is no fit " + id + "."));
        FitReport r = fit.report();
        ctx.json(new ApiFit(
                id,
                fit.status(),
                fit.status(),
                0,
                0,
                0,
                0,
                r == null ? List.of() : r.lossCurve(),
                fit.weights(),
                fit.startedAt(),
                fit.finishedAt(),
                r,
                fit.message()));
    }

    public record ApiFigures(double logLoss, double rmseBins, int items) {}

    public record ApiFitSummary(long id, String status, Instant startedAt, int reviews, int items) {}

    public record ApiInUse(
            List<Double> weights,
            double desiredRetention,
            Long fitId,
            boolean defaults,
            Instant since,
            String note,
            ApiFigures figures,
            int trainingItems,
            int reviewsNeeded,
            List<ApiFitSummary> fits) {}

    private void inUseFromApi(Context ctx) {
        ctx.json(apiInUse());
    }

    private ApiInUse apiInUse() {
        SchedulerRepository.InUse inUse = store.inUse();
        Derived d = derived();
        Evaluation.Metrics m = d.inUseFigures();
        return new ApiInUse(
                inUse.weights(),
                parameters.desiredRetention(),
                inUse.fitId(),
                inUse.defaults(),
                inUse.since(),
                inUse.note(),
                m == null ? null : new ApiFigures(m.logLoss(), m.rmseBins(), m.items()),
                d.readiness().items(),
                d.readiness().needed(),
                store.fits().stream()
                        .map(f -> new ApiFitSummary(f.id(), f.status(), f.startedAt(), f.reviews(), f.items()))
                        .toList());
    }

    private static final Set<String> PUT_FIELDS = Set.of("fitId", "reschedule");

    /** {"fitId": n} uses (accepts or restores) a fit, {"fitId": null} the defaults; "reschedule" too. Desired retention is a setting. */
    private void changeFromApi(Context ctx) {
        JsonNode body = body(ctx);
        List<String> unknown = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!PUT_FIELDS.contains(n)) unknown.add(n);
        });
        if (!unknown.isEmpty())
            throw new BadRequest(
                    "unknown field(s): " + String.join(", ", unknown),
                    List.of(
                            "allowed fields: fitId, reschedule",
                            "desired retention is a setting: PUT /api/settings {\"desiredRetention\": 0.9}"));
        if (!body.has("fitId")) throw new BadRequest("send fitId: a fit to use, or null for the defaults");
        JsonNode reschedule = body.get("reschedule");
        if (reschedule != null && !reschedule.isBoolean()) throw new BadRequest("reschedule must be true or false");
        JsonNode fit = body.get("fitId");
        boolean again = reschedule != null && reschedule.asBoolean();
        if (fit.isNull())
            parameters.useWeights(
                    dev.gradientdeck.review.FsrsSettings.DEFAULT_WEIGHTS, null, again, "back to the defaults");
        else if (fit.isIntegralNumber()) useFit(fit.asLong(), again);
        else throw new BadRequest("fitId must be a fit number, or null for the defaults");
        ctx.json(apiInUse());
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
            if (node == null || !node.isObject())
                throw new BadRequest("the request body must be a JSON object like {\"fitId\": 3}");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public record ApiWorkload(double desiredRetention, List<double[]> reviewsPerDay) {}

    private void workloadFromApi(Context ctx) {
        ctx.json(new ApiWorkload(parameters.desiredRetention(), derived().workload()));
    }
}
