package dev.gradientdeck.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.review.ReviewRepository.LoggedReview;
import dev.gradientdeck.review.Reviews.AlreadyAnswered;
import dev.gradientdeck.review.Reviews.ArchivedCard;
import dev.gradientdeck.review.Reviews.NothingToUndo;
import dev.gradientdeck.review.Reviews.OutOfOrder;
import dev.gradientdeck.review.Reviews.Refused;
import dev.gradientdeck.review.Reviews.UnknownCard;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The review page (keyboard and plain forms) and the review API. */
public final class ReviewRoutes implements WebServer.Routes {
    private static final ObjectMapper JSON = WebServer.json();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Reviews reviews;
    private final CardRepository cards;

    public ReviewRoutes(Reviews reviews, CardRepository cards) {
        this.reviews = reviews;
        this.cards = cards;
    }

    @Override
    public void register(Javalin app) {
        app.get("/review", this::show);
        app.post("/review/{id}/answer", this::answerFromPage);
        app.post("/review/undo", this::undoFromPage);
        app.post("/review/{id}/hold", this::holdFromPage);
        app.post("/review/more", this::studyMoreFromPage);
        app.post("/api/cards/{id}/reviews", this::answerFromApi);
        app.delete("/api/reviews/last", this::undoFromApi);
        for (Reviews.QueueAction action : Reviews.QueueAction.values()) {
            app.post("/api/cards/{id}/" + action.written(), ctx -> holdFromApi(ctx, action));
        }
        app.exception(Refused.class, (e, ctx) -> refusal(ctx, e));
    }

    // ---- pages ----

    private static QueueScope scope(Context ctx) {
        return QueueScope.of(ctx.queryParam("deck"), ctx.queryParam("tag"));
    }

    private void show(Context ctx) {
        QueueScope scope = scope(ctx);
        var counts = reviews.counts(scope);
        String notice = noticeText(ctx.queryParam("notice"));
        // After an undo the page shows exactly the card whose grade was taken back, whatever the queue would pick.
        Optional<Long> skip = Optional.ofNullable(ctx.queryParam("skip")).map(ReviewRoutes::cardParam);
        Optional<Long> next = Optional.ofNullable(ctx.queryParam("card"))
                .map(ReviewRoutes::cardParam)
                .filter(this::reviewable)
                .or(() -> skip.isPresent() ? reviews.nextCardSkipping(scope, skip.get()) : reviews.nextCard(scope));
        if (next.isEmpty()) {
            ctx.render(
                    "review-done.jte",
                    Map.of(
                            "page",
                            new ReviewPages.Done(
                                    scope,
                                    counts,
                                    reviews.nextDue(scope),
                                    notice,
                                    reviews.now(),
                                    reviews.newWaiting(scope))));
            return;
        }
        Reviews.Preview preview = reviews.preview(next.get());
        CardDetail card = cards.find(next.get()).orElseThrow();
        List<GradeButton> buttons = GradeButton.of(preview.next(), Optional.empty());
        ctx.render(
                "review.jte",
                Map.of(
                        "page",
                        new ReviewPages.Question(
                                scope,
                                card,
                                preview.card().schedule().state().name(),
                                preview.card().schedule().reps(),
                                buttons,
                                counts,
                                reviews.now().toEpochMilli(),
                                notice)));
    }

    /** A card the page may show by id: one that exists, is active, and is not suspended or buried. */
    private boolean reviewable(long cardId) {
        return cards.find(cardId).filter(c -> !c.archived()).isPresent() && reviews.hold(cardId) == Reviews.Hold.NONE;
    }

    private static Long cardParam(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("card '" + raw + "' is not a card number");
        }
    }

    private static String noticeText(String code) {
        if (code == null) return "";
        return switch (code) {
            case "already" ->
                "That card was already graded (in another tab, or by a double click); it was counted once.";
            case "undone" -> "Your last grade was taken back: here is that card again.";
            case "nothing" -> "There is nothing to undo.";
            case "buried" -> "That card is buried until tomorrow.";
            case "suspended" -> "That card is suspended: it will not come back until you unsuspend it on its page.";
            case "more" -> "More new cards are added for today.";
            default -> "";
        };
    }

    private void answerFromPage(Context ctx) {
        long cardId = PathId.of(ctx, "card");
        Rating rating = Grading.rating(ctx.formParam("rating"));
        Optional<Integer> reps = Optional.ofNullable(ctx.formParam("reps")).map(ReviewRoutes::integer);
        Optional<Duration> taken = Optional.ofNullable(ctx.formParam("shownAt")).map(this::timeTakenSince);
        QueueScope scope = scope(ctx);
        try {
            reviews.answer(cardId, rating, Optional.empty(), Optional.empty(), reps, taken);
            ctx.redirect("/review" + scope.query(), HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            if (e.refusal() instanceof AlreadyAnswered)
                ctx.redirect("/review" + scope.queryWith("notice=already"), HttpStatus.SEE_OTHER);
            else throw e;
        }
    }

    private void undoFromPage(Context ctx) {
        QueueScope scope = scope(ctx);
        try {
            LoggedReview undone = reviews.undoLast();
            ctx.redirect(
                    "/review" + scope.queryWith("card=" + undone.cardId() + "&notice=undone"), HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            ctx.redirect("/review" + scope.queryWith("notice=nothing"), HttpStatus.SEE_OTHER);
        }
    }

    /** Suspend, unsuspend, bury or unbury from the review page or the card's page; back to where the learner was. */
    private void holdFromPage(Context ctx) {
        long cardId = PathId.of(ctx, "card");
        Reviews.QueueAction action = action(ctx.formParam("action"));
        reviews.change(cardId, action);
        if ("card".equals(ctx.formParam("from"))) {
            ctx.redirect("/cards/" + cardId, HttpStatus.SEE_OTHER);
            return;
        }
        String notice = action == Reviews.QueueAction.BURY
                ? "buried"
                : action == Reviews.QueueAction.SUSPEND ? "suspended" : "";
        ctx.redirect(
                "/review" + (notice.isEmpty() ? scope(ctx).query() : scope(ctx).queryWith("notice=" + notice)),
                HttpStatus.SEE_OTHER);
    }

    private static Reviews.QueueAction action(String raw) {
        for (Reviews.QueueAction a : Reviews.QueueAction.values())
            if (a.written().equals(raw)) return a;
        throw new BadRequest("action must be suspend, unsuspend, bury or unbury, not '" + raw + "'");
    }

    private void studyMoreFromPage(Context ctx) {
        String raw = Optional.ofNullable(ctx.formParam("cards")).orElse("");
        int extra;
        try {
            extra = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("cards '" + raw + "' is not a whole number");
        }
        if (extra < 1 || extra > Reviews.MOST_EXTRA_NEW)
            throw new BadRequest("cards must be 1 to " + Reviews.MOST_EXTRA_NEW + ", not " + extra);
        reviews.studyMore(extra);
        ctx.redirect("/review" + scope(ctx).queryWith("notice=more"), HttpStatus.SEE_OTHER);
    }

    public record ApiHold(long cardId, String state, boolean suspended, boolean buried) {}

    private void holdFromApi(Context ctx, Reviews.QueueAction action) {
        long cardId = PathId.of(ctx, "card");
        Reviews.Hold hold = reviews.change(cardId, action);
        ctx.json(new ApiHold(
                cardId, reviews.of(cardId).state(), hold == Reviews.Hold.SUSPENDED, hold == Reviews.Hold.BURIED));
    }

    /** Time from showing the question to the grade, from the page's own timestamp. */
    private Duration timeTakenSince(String shownAtMillis) {
        try {
            return Grading.timeTaken(Instant.ofEpochMilli(Long.parseLong(shownAtMillis.strip())), reviews.now());
        } catch (NumberFormatException e) {
            throw new BadRequest("shownAt '" + shownAtMillis + "' is not a time in milliseconds");
        }
    }

    // ---- API ----

    public record ApiSchedule(
            long cardId,
            long reviewId,
            String state,
            double stability,
            double difficulty,
            Instant due,
            int reps,
            int lapses,
            long intervalDays,
            double intervalExactDays,
            String interval,
            Instant reviewedAt,
            String dayKey,
            boolean repeated) {}

    /** The answer a client posts, bound strictly: unknown fields, text for numbers and fractions for whole numbers are refused. */
    record AnswerBody(Integer rating, String reviewedAt, String requestId, Long durationMs) {}

    private static final List<String> ANSWER_FIELDS = List.of("rating", "reviewedAt", "requestId", "durationMs");

    private void answerFromApi(Context ctx) {
        long cardId = PathId.of(ctx, "card");
        AnswerBody body = answerBody(ctx.body());
        if (body.rating() == null)
            throw new BadRequest("rating must be a whole number from 1 (Again) to 4 (Easy); it is missing");
        Rating rating = Grading.rating(String.valueOf(body.rating()));
        Optional<Instant> at = Optional.ofNullable(body.reviewedAt()).map(ReviewRoutes::instant);
        Optional<String> requestId = Optional.ofNullable(body.requestId()).map(id -> {
            if (id.isBlank() || id.length() > 200)
                throw new BadRequest("requestId must be a non-empty string of at most 200 characters");
            return id;
        });
        Optional<Duration> taken = Optional.ofNullable(body.durationMs()).map(ms -> {
            if (ms < 0) throw new BadRequest("durationMs must be a whole number of milliseconds, 0 or more");
            return Duration.ofMillis(ms);
        });
        Reviews.Answered answered = reviews.answer(cardId, rating, at, requestId, Optional.empty(), taken);
        ctx.status(answered.repeated() ? 200 : 201)
                .json(apiSchedule(answered.review(), answered.outcome(), answered.repeated()));
    }

    private static ApiSchedule apiSchedule(LoggedReview r, Outcome outcome, boolean repeated) {
        Schedule s = r.after();
        Memory m = ReviewRepository.memoryOf(s.state());
        return new ApiSchedule(
                r.cardId(),
                r.id(),
                s.state().name(),
                m.stability(),
                m.difficulty(),
                s.due(),
                s.reps(),
                s.lapses(),
                r.scheduledDays(),
                outcome.intervalDays(),
                IntervalLabel.of(outcome.interval()),
                r.reviewedAt(),
                r.dayKey().toString(),
                repeated);
    }

    public record ApiUndo(long undoneReviewId, long cardId, String state, Instant due, int reps) {}

    private void undoFromApi(Context ctx) {
        LoggedReview undone = reviews.undoLast();
        var now = reviews.of(undone.cardId());
        ctx.json(new ApiUndo(undone.id(), undone.cardId(), now.state(), now.due(), now.reps()));
    }

    // ---- input ----

    private static AnswerBody answerBody(String body) {
        if (body.isBlank()) throw new BadRequest("the request body is empty; send JSON like {\"rating\": 3}");
        try {
            AnswerBody answer = STRICT.readValue(body, AnswerBody.class);
            // The JSON literal null binds to no record at all.
            if (answer == null) throw new BadRequest("the request body must be a JSON object like {\"rating\": 3}");
            return answer;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequest(
                    "unknown field: " + e.getPropertyName(),
                    List.of("allowed fields: " + String.join(", ", ANSWER_FIELDS)));
        } catch (MismatchedInputException e) {
            throw new BadRequest(
                    e.getPath().isEmpty()
                            ? "the request body must be a JSON object like {\"rating\": 3}"
                            : mismatch(e.getPath().get(0).getFieldName(), body));
        } catch (JsonProcessingException e) {
            // Jackson's hints name its own switches; the learner only needs what was wrong and where.
            throw new BadRequest("the request body is not valid JSON: "
                    + e.getOriginalMessage().replaceAll(": enable `.*$", "")
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        }
    }

    /** What a field had to be, and what was sent, in the learner's words rather than Jackson's. */
    private static String mismatch(String field, String body) {
        String sent;
        try {
            sent = String.valueOf(JSON.readTree(body).get(field));
        } catch (JsonProcessingException e) {
            sent = "?";
        }
        return switch (field) {
            case "rating" -> "rating must be a whole number from 1 (Again) to 4 (Easy), not " + sent;
            case "durationMs" -> "durationMs must be a whole number of milliseconds, 0 or more, not " + sent;
            default -> field + " must be a string, not " + sent;
        };
    }

    private static Integer integer(String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("reps '" + raw + "' is not a whole number");
        }
    }

    private static Instant instant(String written) {
        try {
            Instant at = Instant.parse(written);
            // Before 1970 no learner reviewed a card, and such times do not fit the stored milliseconds.
            if (at.isBefore(Instant.EPOCH)) throw new BadRequest("reviewedAt '" + written + "' is before 1970");
            return at;
        } catch (DateTimeParseException e) {
            throw new BadRequest("reviewedAt '" + written + "' is not an ISO instant like 2026-11-21T09:30:00Z");
        }
    }

    private static void refusal(Context ctx, Refused e) {
        Reviews.Refusal r = e.refusal();
        if (r instanceof UnknownCard u)
            WebServer.answerError(ctx, 404, "There is no card " + u.cardId() + ".", List.of());
        else if (r instanceof ArchivedCard a)
            WebServer.answerError(
                    ctx, 409, "Card " + a.cardId() + " is archived: its file was removed from the deck.", List.of());
        else if (r instanceof OutOfOrder o)
            WebServer.answerError(
                    ctx,
                    409,
                    "reviewedAt " + o.reviewedAt() + " is earlier than the card's last review at " + o.lastReview()
                            + "; reviews are recorded in order.",
                    List.of());
        else if (r instanceof AlreadyAnswered a)
            WebServer.answerError(
                    ctx, 409, "Card " + a.cardId() + " was already graded since this page was shown.", List.of());
        else if (r instanceof NothingToUndo) WebServer.answerError(ctx, 404, "There is no review to undo.", List.of());
        else if (r instanceof Reviews.NotYet n)
            WebServer.answerError(
                    ctx,
                    400,
                    "reviewedAt " + n.reviewedAt() + " is more than " + Reviews.CLOCK_SLACK.toMinutes()
                            + " minutes after the server's clock (" + n.now() + "); a review cannot be in the future.",
                    List.of());
        else if (r instanceof Reviews.RequestIdTaken t)
            WebServer.answerError(
                    ctx,
                    409,
                    "requestId '" + t.requestId() + "' was already used for an answer to card " + t.otherCardId()
                            + "; use a new requestId for each answer.",
                    List.of());
    }
}
