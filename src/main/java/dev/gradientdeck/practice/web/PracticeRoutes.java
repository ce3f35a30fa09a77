package dev.gradientdeck.practice.web;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.practice.Practice;
import dev.gradientdeck.practice.PracticeAttempt;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.PracticeOptions;
import dev.gradientdeck.practice.PracticeRepository;
import dev.gradientdeck.practice.interview.Interviews;
import dev.gradientdeck.practice.speech.InvalidWavException;
import dev.gradientdeck.practice.web.PracticePages.SpeechModel;
import dev.gradientdeck.review.GradeButton;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The practice pages (setup, session, one attempt, history), the recording route and the practice
 * API.
 */
public final class PracticeRoutes implements WebServer.Routes {

    private static final int HISTORY_ROWS = 100;
    private static final int TREND_POINTS = 30;

    private final Practice practice;
    private final Interviews interviews;
    private final CardRepository cards;
    private final Grading grading;
    /** The learner's zone now, for the times shown: it may change in Settings while the app runs. */
    private final Supplier<ZoneId> zone;

    public PracticeRoutes(
            Practice practice, Interviews interviews, CardRepository cards, Grading grading, Supplier<ZoneId> zone) {
        this.practice = practice;
        this.interviews = interviews;
        this.cards = cards;
        this.grading = grading;
        this.zone = zone;
    }

    @Override
    public void register(Javalin app) {
        app.get("/practice", this::setup);
        app.get("/practice/session", this::session);
        app.get("/practice/history", this::history);
        app.get("/practice/attempts/{id}", this::showAttempt);
        app.get("/practice/attempts/{id}/audio", this::audio);
        app.post("/practice/attempts/{id}/rating", this::rate);
        app.post("/practice/attempts/{id}/coverage", this::checkPoints);
        app.post("/practice/attempts/{id}/transcribe", this::retranscribe);
        app.post("/api/practice/attempts", this::create);
        app.get("/api/practice/attempts/{id}", this::apiAttempt);
        app.get("/api/practice/model", this::apiModel);
        app.exception(Practice.Refused.class, PracticeRoutes::refusal);
    }

    // ---- pages ----

    private void setup(Context ctx) {
        PracticeOptions options = options(ctx);
        PracticeRepository repository = practice.repository();
        ctx.render(
                "practice.jte",
                Map.of(
                        "page",
                        new PracticePages.Setup(
                                options,
                                repository.tags(),
                                repository.practicableCards(),
                                speech(),
                                PracticePages.rows(repository.history(Optional.empty(), 5), zone.get()),
                                repository.totals(Optional.empty()))));
    }

    private void session(Context ctx) {
        PracticeOptions options = options(ctx);
        List<Long> ids = options.cardId()
                .map(List::of)
                .orElseGet(() -> practice.repository().pickCards(options.tags(), options.count()));
        List<CardDetail> questions = ids.stream().map(this::card).toList();
        ctx.render(
                "practice-session.jte",
                Map.of("page", new PracticePages.Session(options, questions, speech(), PracticePages.query(options))));
    }

    private void history(Context ctx) {
        Optional<Long> cardId = Optional.ofNullable(ctx.queryParam("card"))
                .filter(s -> !s.isBlank())
                .map(raw -> number(raw, "card"));
        Optional<CardDetail> card = cardId.map(this::card);
        PracticeRepository repository = practice.repository();
        var attempts = repository.history(cardId, HISTORY_ROWS);
        ctx.render(
                "practice-history.jte",
                Map.of(
                        "page",
                        new PracticePages.History(
                                card,
                                PracticePages.rows(attempts, zone.get()),
                                repository.totals(cardId),
                                PracticePages.trends(attempts.subList(0, Math.min(TREND_POINTS, attempts.size()))))));
    }

    private void showAttempt(Context ctx) {
        ctx.render("practice-attempt.jte", Map.of("page", attemptView(revealable(practice.attempt(attemptId(ctx))))));
    }

    /**
     * An answer given in a mock interview is revealed with the interview's report, not before: its
     * checklist is the model answer's key points.
     */
    private PracticeAttempt revealable(PracticeAttempt attempt) {
        if (runningInterview(attempt)) {
            throw new HttpResponseException(
                    HttpStatus.CONFLICT.getCode(),
                    "This answer belongs to interview "
                            + attempt.interviewId()
                            + ", which is still running: it is shown in the report at the end.");
        }
        return attempt;
    }

    private boolean runningInterview(PracticeAttempt attempt) {
        return attempt.interviewId() != null
                && !interviews.find(attempt.interviewId()).done();
    }

    private PracticePages.AttemptView attemptView(PracticeAttempt attempt) {
        CardDetail card = card(attempt.cardId());
        List<GradeButton> grades = List.of();
        String rated = "";
        if (attempt.rating() == null && card.archived()) {
            rated = "This card is archived (its file was removed from the deck), so the answer cannot schedule it.";
        } else if (attempt.rating() == null) {
            grades = grading.buttons(card.id());
        } else {
            rated = "You rated this answer "
                    + Rating.of(attempt.rating()).label()
                    + ". Next review of the card: "
                    + grading.nextReview(card.id())
                    + ".";
        }
        return PracticePages.attemptView(
                attempt, card, speech(), zone.get(), practice.progress(attempt.id()), grades, rated);
    }

    private void audio(Context ctx) throws IOException {
        PracticeAttempt attempt = revealable(practice.attempt(attemptId(ctx)));
        if (!attempt.spoken()) {
            throw new NotFoundResponse("Attempt " + attempt.id() + " was typed; it has no recording.");
        }
        Path file = practice.recordings().file(attempt.audioPath());
        if (!Files.isRegularFile(file)) {
            throw new NotFoundResponse("The recording of attempt "
                    + attempt.id()
                    + " is missing: "
                    + attempt.audioPath()
                    + " is not in the folder beside the database.");
        }
        // A recording never changes once stored.
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.header("Content-Disposition", "inline; filename=\"practice-" + attempt.id() + ".wav\"");
        RecordingRange.send(ctx, file, Files.size(file), "audio/wav");
    }

    private void rate(Context ctx) {
        long id = attemptId(ctx);
        practice.rate(id, Grading.rating(ctx.formParam("rating")));
        ctx.redirect("/practice/attempts/" + id, HttpStatus.SEE_OTHER);
    }

    private void checkPoints(Context ctx) {
        long id = attemptId(ctx);
        Set<Integer> covered = new HashSet<>();
        for (String raw : ctx.formParams("covered")) {
            covered.add((int) number(raw, "covered"));
        }
        practice.checkPoints(id, covered);
        ctx.redirect("/practice/attempts/" + id, HttpStatus.SEE_OTHER);
    }

    private void retranscribe(Context ctx) {
        long id = attemptId(ctx);
        practice.retranscribe(id);
        ctx.redirect("/practice/attempts/" + id, HttpStatus.SEE_OTHER);
    }

    // ---- API ----

    public record ApiCreated(long id, String status) {}

    public record ApiFiller(String text, Double start) {}

    public record ApiPoint(
            String point, Boolean covered, Boolean suggested, List<String> missingTerms, List<String> matchedWords) {}

    /**
     * Measures are null until there is a transcript; the timed ones stay null for a typed answer.
     */
    public record ApiAttempt(
            long id,
            long cardId,
            String mode,
            String status,
            String message,
            Double progress,
            String transcript,
            Double durationSeconds,
            Double speakingSeconds,
            Double wordsPerMinute,
            Integer fillerCount,
            List<ApiFiller> fillers,
            Double longestPauseSeconds,
            List<ApiPoint> coverage,
            Integer rating,
            String dayKey,
            Instant createdAt,
            String audioUrl) {}

    public record ApiModel(String state, Integer percent, String message) {}

    private void create(Context ctx) {
        AnswerUpload upload = AnswerUpload.read(ctx);
        PracticeAttempt attempt;
        try {
            upload.interviewId().ifPresent(id -> interviews.requireOpenQuestion(id, upload.cardId()));
            if (upload.audio().isPresent()) {
                attempt = practice.answerAloud(upload.cardId(), upload.audio().get(), upload.interviewId());
            } else {
                attempt =
                        practice.answerInWriting(upload.cardId(), upload.text().orElseThrow(), upload.interviewId());
            }
        } catch (InvalidWavException e) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), e.getMessage());
        } finally {
            upload.discard();
        }
        long attemptId = attempt.id();
        upload.interviewId().ifPresent(id -> interviews.answered(id, upload.cardId(), attemptId));
        ctx.status(HttpStatus.CREATED)
                .json(new ApiCreated(attempt.id(), attempt.status().key()));
    }

    private void apiAttempt(Context ctx) {
        PracticeAttempt a = practice.attempt(attemptId(ctx));
        boolean hidden = runningInterview(a);
        boolean done = a.status() == Status.DONE && !hidden;
        Optional<Double> progress = practice.progress(a.id());
        String message = done ? null : PracticePages.progressText(a, speech(), progress);
        ctx.json(new ApiAttempt(
                a.id(),
                a.cardId(),
                a.mode().key(),
                a.status().key(),
                message,
                progress.orElse(null),
                hidden ? null : a.transcript(),
                a.durationSeconds(),
                a.speakingSeconds(),
                a.wordsPerMinute(),
                a.fillerCount(),
                done
                        ? a.fillers().stream()
                                .map(f -> new ApiFiller(f.text(), a.spoken() ? f.start() : null))
                                .toList()
                        : null,
                a.longestPauseSeconds(),
                hidden
                        ? null
                        : a.points().stream()
                                .map(p -> new ApiPoint(p.text(), p.covered(), p.suggested(), p.missing(), p.matched()))
                                .toList(),
                a.rating(),
                a.dayKey().toString(),
                a.createdAt(),
                a.spoken() ? "/practice/attempts/" + a.id() + "/audio" : null));
    }

    private void apiModel(Context ctx) {
        SpeechModel speech = speech();
        ctx.json(new ApiModel(speech.state(), speech.percent(), speech.text()));
    }

    private static PracticeOptions options(Context ctx) {
        List<String> tags = ctx.queryParams("tag").stream()
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        try {
            return new PracticeOptions(
                    intParam(ctx, "count", PracticeOptions.DEFAULT_COUNT),
                    tags,
                    intParam(ctx, "think", PracticeOptions.DEFAULT_THINK_SECONDS),
                    intParam(ctx, "answer", PracticeOptions.DEFAULT_ANSWER_SECONDS),
                    Optional.ofNullable(ctx.queryParam("card"))
                            .filter(s -> !s.isBlank())
                            .map(raw -> number(raw, "card")));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank()
                ? fallback
                : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(raw, name)));
    }

    private static long number(String raw, String name) {
        return AnswerUpload.number(raw, name);
    }

    private static long attemptId(Context ctx) {
        return PathId.of(ctx, "practice attempt");
    }

    private CardDetail card(long id) {
        return cards.find(id).orElseThrow(() -> new NotFoundResponse("There is no card " + id + "."));
    }

    private SpeechModel speech() {
        return SpeechModel.of(practice.modelStatus());
    }

    private static void refusal(Practice.Refused e, Context ctx) {
        int status = switch (e.reason()) {
            case UNKNOWN_CARD, UNKNOWN_ATTEMPT -> 404;
            case ARCHIVED_CARD, ALREADY_RATED, NOT_RETRANSCRIBABLE -> 409;
            case INVALID -> 400;
            case BUSY -> 503;
        };
        if (status == 503) {
            ctx.header("Retry-After", "60");
        }
        WebServer.answerError(ctx, status, e.getMessage(), List.of());
    }
}
