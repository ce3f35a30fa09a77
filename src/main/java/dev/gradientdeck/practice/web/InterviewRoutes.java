package dev.gradientdeck.practice.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.practice.Practice;
import dev.gradientdeck.practice.PracticeAttempt;
import dev.gradientdeck.practice.interview.Interview;
import dev.gradientdeck.practice.interview.Interview.Source;
import dev.gradientdeck.practice.interview.InterviewReport;
import dev.gradientdeck.practice.interview.Interviews;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The mock interview: its setup, the run, the report at the end, its grades, and its API. */
public final class InterviewRoutes implements WebServer.Routes {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Interviews interviews;
    private final Practice practice;
    private final CardRepository cards;
    private final Grading grading;
    private final Supplier<ZoneId> zone;

    public InterviewRoutes(
            Interviews interviews, Practice practice, CardRepository cards, Grading grading, Supplier<ZoneId> zone) {
        this.interviews = interviews;
        this.practice = practice;
        this.cards = cards;
        this.grading = grading;
        this.zone = zone;
    }

    @Override
    public void register(Javalin app) {
        app.get("/interview", this::setup);
        app.post("/interview", this::startFromForm);
        app.get("/interview/{id}", this::show);
        app.post("/interview/{id}/questions/{position}/rating", this::grade);
        app.post("/interview/{id}/grades", this::gradeAsSuggested);
        app.post("/api/interviews", this::apiStart);
        app.get("/api/interviews/{id}", this::apiInterview);
        app.exception(Interviews.Refused.class, InterviewRoutes::refusal);
    }

    // ---- pages ----

    private void setup(Context ctx) {
        ctx.render(
                "interview.jte",
                Map.of(
                        "page",
                        new InterviewPages.Setup(
                                interviews.repository().decks(),
                                interviews.repository().tags(),
                                PracticePages.SpeechModel.of(practice.modelStatus()))));
    }

    private void startFromForm(Context ctx) {
        String from = Optional.ofNullable(ctx.formParam("from")).orElse("all");
        Source source = source(from);
        String value = switch (source) {
            case DECK -> ctx.formParam("deck");
            case TAG -> ctx.formParam("tag");
            case ALL, DUE -> null;
        };
        Interview interview = interviews.start(request(
                intParam(ctx.formParam("questions"), "questions", Interviews.DEFAULT_QUESTIONS),
                source,
                value,
                intParam(ctx.formParam("think"), "think", Interviews.DEFAULT_THINK_SECONDS),
                intParam(ctx.formParam("answer"), "answer", Interviews.DEFAULT_ANSWER_SECONDS)));
        ctx.redirect("/interview/" + interview.id(), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Interview interview = interviews.find(id(ctx));
        List<CardDetail> questions =
                interview.questions().stream().map(q -> card(q.cardId())).toList();
        Optional<InterviewReport> report = interviews.report(interview);
        if (report.isEmpty()) {
            ctx.render(
                    "interview-run.jte",
                    Map.of(
                            "page",
                            InterviewPages.run(
                                    interview, questions, PracticePages.SpeechModel.of(practice.modelStatus()))));
            return;
        }
        ctx.render(
                "interview-report.jte",
                Map.of("page", InterviewPages.report(interview, questions, report.get(), grading, zone.get())));
    }

    private void grade(Context ctx) {
        long id = id(ctx);
        int position = (int) AnswerUpload.number(ctx.pathParam("position"), "position") - 1;
        interviews.grade(id, position, Grading.rating(ctx.formParam("rating")));
        ctx.redirect("/interview/" + id + "#q" + (position + 1), HttpStatus.SEE_OTHER);
    }

    private void gradeAsSuggested(Context ctx) {
        long id = id(ctx);
        interviews.gradeAsSuggested(id);
        ctx.redirect("/interview/" + id, HttpStatus.SEE_OTHER);
    }

    // ---- API ----

    /** The body of {@code POST /api/interviews}; "due": true asks the cards due for review. */
    public record ApiStart(Integer questions, String deck, String tag, Boolean due, Integer think, Integer answer) {}

    /** A question as the API shows it: never anything of the answer. */
    public record ApiQuestion(long cardId, String question, boolean answered) {}

    public record ApiStarted(long id, List<ApiQuestion> questions) {}

    public record ApiQuestionReport(
            long cardId,
            long attemptId,
            String status,
            String message,
            Double coverage,
            Double wordsPerMinute,
            Integer fillerCount,
            Double longestPauseSeconds,
            Double durationSeconds,
            Double speakingSeconds,
            String transcript,
            List<String> pointsCovered,
            List<String> pointsMissed,
            String modelAnswer,
            int suggestedRating,
            Integer rating) {}

    public record ApiOverall(
            Double coverage,
            Double wordsPerMinute,
            Double fillersPerMinute,
            Double longestPauseSeconds,
            int earlierInterviews,
            Double coverageBefore,
            Double wordsPerMinuteBefore,
            Double fillersPerMinuteBefore,
            Double longestPauseSecondsBefore) {}

    public record ApiReport(List<ApiQuestionReport> questions, ApiOverall overall) {}

    public record ApiInterview(long id, String status, List<ApiQuestion> questions, ApiReport report) {}

    private void apiStart(Context ctx) {
        ApiStart body;
        try {
            body = JSON.readValue(ctx.body().isBlank() ? "{}" : ctx.body(), ApiStart.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest(
                    "The body must be JSON like {\"questions\": 5, \"deck\": \"...\"} or {\"tag\": \"...\"}: "
                            + e.getOriginalMessage());
        }
        if (body.deck() != null && body.tag() != null) {
            throw new BadRequest("Choose a deck or a tag, not both.");
        }
        Source source = body.deck() != null
                ? Source.DECK
                : body.tag() != null ? Source.TAG : Boolean.TRUE.equals(body.due()) ? Source.DUE : Source.ALL;
        Interview interview = interviews.start(request(
                body.questions() == null ? Interviews.DEFAULT_QUESTIONS : body.questions(),
                source,
                body.deck() != null ? body.deck() : body.tag(),
                body.think() == null ? Interviews.DEFAULT_THINK_SECONDS : body.think(),
                body.answer() == null ? Interviews.DEFAULT_ANSWER_SECONDS : body.answer()));
        ctx.status(HttpStatus.CREATED).json(new ApiStarted(interview.id(), questions(interview)));
    }

    private void apiInterview(Context ctx) {
        Interview interview = interviews.find(id(ctx));
        ApiReport report = interviews.report(interview).map(r -> apiReport(r)).orElse(null);
        ctx.json(new ApiInterview(
                interview.id(), interview.done() ? "done" : "in_progress", questions(interview), report));
    }

    private ApiReport apiReport(InterviewReport report) {
        List<ApiQuestionReport> questions = report.questions().stream()
                .map(q -> {
                    PracticeAttempt a = q.attempt();
                    return new ApiQuestionReport(
                            a.cardId(),
                            a.id(),
                            a.status().key(),
                            a.statusMessage(),
                            q.coverage(),
                            a.wordsPerMinute(),
                            a.fillerCount(),
                            a.longestPauseSeconds(),
                            a.durationSeconds(),
                            a.speakingSeconds(),
                            a.transcript(),
                            a.points().stream()
                                    .filter(p -> Boolean.TRUE.equals(p.covered()))
                                    .map(PracticeAttempt.Point::text)
                                    .toList(),
                            a.points().stream()
                                    .filter(p -> !Boolean.TRUE.equals(p.covered()))
                                    .map(PracticeAttempt.Point::text)
                                    .toList(),
                            card(a.cardId()).answer(),
                            q.suggested().value(),
                            a.rating());
                })
                .toList();
        InterviewReport.Overall o = report.overall();
        return new ApiReport(
                questions,
                new ApiOverall(
                        o.coverage(),
                        o.wordsPerMinute(),
                        o.fillersPerMinute(),
                        o.longestPauseSeconds(),
                        o.earlierInterviews(),
                        o.coverageBefore(),
                        o.wordsPerMinuteBefore(),
                        o.fillersPerMinuteBefore(),
                        o.longestPauseSecondsBefore()));
    }

    private List<ApiQuestion> questions(Interview interview) {
        return interview.questions().stream()
                .map(q -> new ApiQuestion(q.cardId(), card(q.cardId()).title(), q.answered()))
                .toList();
    }

    // ---- input ----

    private static Interviews.Request request(int questions, Source source, String value, int think, int answer) {
        if ((source == Source.DECK || source == Source.TAG) && (value == null || value.isBlank())) {
            throw new BadRequest("Say which " + source.key() + " the questions come from.");
        }
        try {
            return new Interviews.Request(questions, source, value, think, answer);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static Source source(String from) {
        return switch (from) {
            case "deck" -> Source.DECK;
            case "tag" -> Source.TAG;
            case "due" -> Source.DUE;
            case "all" -> Source.ALL;
            default -> throw new BadRequest("from must be all, deck, tag or due, not '" + from + "'");
        };
    }

    private static int intParam(String raw, String name, int fallback) {
        return raw == null || raw.isBlank()
                ? fallback
                : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, AnswerUpload.number(raw, name)));
    }

    private static long id(Context ctx) {
        return PathId.of(ctx, "interview");
    }

    private CardDetail card(long id) {
        return cards.find(id).orElseThrow(() -> new NotFoundResponse("There is no card " + id + "."));
    }

    private static void refusal(Interviews.Refused e, Context ctx) {
        WebServer.answerError(ctx, e.unknown() ? 404 : 409, e.getMessage(), List.of());
    }
}
