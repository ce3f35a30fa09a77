package dev.gradientdeck.practice.web;

import dev.gradientdeck.practice.Practice;
import dev.gradientdeck.practice.PracticeAttempt;
import dev.gradientdeck.practice.PracticeOptions;
import dev.gradientdeck.practice.PracticeRepository;
import dev.gradientdeck.practice.speech.InvalidWavException;
import dev.gradientdeck.practice.speech.WavAudio;

import dev.gradientdeck.web.PathId;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.web.PracticePages.SpeechModel;
import dev.gradientdeck.present.Numbers;
import dev.gradientdeck.review.GradeButton;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.WebServer;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.util.MultipartUtil;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;

/**
 * The practice pages (setup, session, one attempt, history), the recording route and the practice
 * API.
 */
public final class PracticeRoutes implements WebServer.Routes {

    /** The recording plus its small fields and the multipart framing around them. */
    private static final long MAX_UPLOAD_BYTES = WavAudio.MAX_BYTES + 64 * 1024;

    /**
     * Parts up to this size stay in memory; larger ones go to a temporary file that Jetty deletes
     * after the request.
     */
    private static final int IN_MEMORY_BYTES = 1 << 20;

    /** A typed answer at its longest, in UTF-8's widest case. */
    private static final int MAX_FIELD_BYTES = 4 * Practice.MAX_TEXT_CHARS;

    /**
     * Past this much, an oversized body is not read to the end before answering: the connection is
     * closed instead.
     */
    private static final long MAX_DRAIN_BYTES = 4 * MAX_UPLOAD_BYTES;

    private static final Set<String> UPLOAD_FIELDS = Set.of("cardId", "audio", "text");
    private static final int HISTORY_ROWS = 100;
    private static final int TREND_POINTS = 30;

    private final Practice practice;
    private final CardRepository cards;
    private final Grading grading;
    /** The learner's zone now, for the times shown: it may change in Settings while the app runs. */
    private final Supplier<ZoneId> zone;

    public PracticeRoutes(Practice practice, CardRepository cards, Grading grading, Supplier<ZoneId> zone) {
        this.practice = practice;
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
        List<Long> ids =
                options.cardId()
                        .map(List::of)
                        .orElseGet(
                                () ->
                                        practice.repository()
                                                .pickCards(options.tags(), options.count()));
        List<CardDetail> questions = ids.stream().map(this::card).toList();
        ctx.render(
                "practice-session.jte",
                Map.of(
                        "page",
                        new PracticePages.Session(
                                options, questions, speech(), PracticePages.query(options))));
    }

    private void history(Context ctx) {
        Optional<Long> cardId =
                Optional.ofNullable(ctx.queryParam("card"))
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
                                PracticePages.trends(
                                        attempts.subList(
                                                0, Math.min(TREND_POINTS, attempts.size()))))));
    }

    private void showAttempt(Context ctx) {
        ctx.render(
                "practice-attempt.jte",
                Map.of("page", attemptView(practice.attempt(attemptId(ctx)))));
    }

    private PracticePages.AttemptView attemptView(PracticeAttempt attempt) {
        CardDetail card = card(attempt.cardId());
        List<GradeButton> grades = List.of();
        String rated = "";
        if (attempt.rating() == null && card.archived()) {
            rated =
                    "This card is archived (its file was removed from the deck), so the answer cannot schedule it.";
        } else if (attempt.rating() == null) {
            grades = grading.buttons(card.id());
        } else {
            rated =
                    "You rated this answer "
                            + Rating.of(attempt.rating()).label()
                            + ". Next review of the card: "
                            + grading.nextReview(card.id())
                            + ".";
        }
        return PracticePages.attemptView(
                attempt, card, speech(), zone.get(), practice.progress(attempt.id()), grades, rated);
    }

    private void audio(Context ctx) throws IOException {
        PracticeAttempt attempt = practice.attempt(attemptId(ctx));
        if (!attempt.spoken()) {
            throw new NotFoundResponse(
                    "Attempt " + attempt.id() + " was typed; it has no recording.");
        }
        Path file = practice.recordings().file(attempt.audioPath());
        if (!Files.isRegularFile(file)) {
            throw new NotFoundResponse(
                    "The recording of attempt "
                            + attempt.id()
                            + " is missing: "
                            + attempt.audioPath()
                            + " is not in the folder beside the database.");
        }
        // A recording never changes once stored.
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.header("Content-Disposition", "inline; filename=\"practice-" + attempt.id() + ".wav\"");
        InputStream in = Files.newInputStream(file);
        ctx.writeSeekableStream(in, "audio/wav", Files.size(file));
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
            String point, Boolean covered, Boolean suggested, List<String> missingTerms) {}

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
        Upload upload = readUpload(ctx);
        PracticeAttempt attempt;
        if (upload.audio().isPresent()) {
            try {
                attempt = practice.answerAloud(upload.cardId(), upload.audio().get());
            } catch (InvalidWavException e) {
                throw new HttpResponseException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), e.getMessage());
            }
        } else {
            attempt = practice.answerInWriting(upload.cardId(), upload.text().orElseThrow());
        }
        ctx.status(HttpStatus.CREATED).json(new ApiCreated(attempt.id(), attempt.status().key()));
    }

    private void apiAttempt(Context ctx) {
        PracticeAttempt a = practice.attempt(attemptId(ctx));
        boolean done = a.status() == Status.DONE;
        Optional<Double> progress = practice.progress(a.id());
        String message = done ? null : PracticePages.progressText(a, speech(), progress);
        ctx.json(
                new ApiAttempt(
                        a.id(),
                        a.cardId(),
                        a.mode().key(),
                        a.status().key(),
                        message,
                        progress.orElse(null),
                        a.transcript(),
                        a.durationSeconds(),
                        a.speakingSeconds(),
                        a.wordsPerMinute(),
                        a.fillerCount(),
                        done
                                ? a.fillers().stream()
                                        .map(
                                                f ->
                                                        new ApiFiller(
                                                                f.text(),
                                                                a.spoken() ? f.start() : null))
                                        .toList()
                                : null,
                        a.longestPauseSeconds(),
                        a.points().stream()
                                .map(
                                        p ->
                                                new ApiPoint(
                                                        p.text(),
                                                        p.covered(),
                                                        p.suggested(),
                                                        p.missing()))
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

    // ---- input ----

    private record Upload(long cardId, Optional<byte[]> audio, Optional<String> text) {}

    /**
     * Reads an answer upload. The 20 MB allowance is this route's alone: it is given to this
     * request's multipart parser, while every other request body keeps the server's 1 MB limit.
     */
    private static Upload readUpload(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new BadRequest(
                    "Send the answer as multipart/form-data with cardId and either audio (a WAV file) or text"
                            + (type == null ? "." : ", not as " + type + "."));
        }
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_UPLOAD_BYTES) {
            throw tooLarge(ctx, length);
        }
        ctx.req()
                .setAttribute(
                        MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                        new MultipartConfigElement(
                                System.getProperty("java.io.tmpdir"),
                                WavAudio.MAX_BYTES,
                                MAX_UPLOAD_BYTES,
                                IN_MEMORY_BYTES));
        Map<String, Part> parts = new LinkedHashMap<>();
        try {
            for (Part part : ctx.req().getParts()) {
                parts.putIfAbsent(part.getName(), part);
            }
        } catch (IllegalStateException e) {
            // Jetty reports a part or a request over these limits as an IllegalStateException
            // saying what "exceeds" them.
            if (String.valueOf(e.getMessage()).contains("exceeds")) {
                throw tooLarge(ctx, length);
            }
            throw new BadRequest(
                    "The upload could not be read as multipart/form-data: " + e.getMessage());
        } catch (IOException | ServletException e) {
            throw new BadRequest(
                    "The upload could not be read as multipart/form-data: " + e.getMessage());
        }
        List<String> unknown =
                parts.keySet().stream().filter(name -> !UPLOAD_FIELDS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequest(
                    "Unknown field(s): " + String.join(", ", unknown) + ".",
                    List.of("the fields are cardId, and either audio (a WAV file) or text"));
        }
        String rawCardId =
                text(parts.get("cardId"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .orElseThrow(
                                () ->
                                        new BadRequest(
                                                "cardId is missing: say which card this answer is for."));
        long cardId = number(rawCardId, "cardId");
        Part audio = parts.get("audio");
        Optional<String> text = text(parts.get("text"));
        if (audio != null && text.isPresent()) {
            throw new BadRequest("Send the answer as audio or as text, not both.");
        }
        if (audio == null && text.isEmpty()) {
            throw new BadRequest("The answer is missing: send audio (a WAV file) or text.");
        }
        return new Upload(
                cardId, audio == null ? Optional.empty() : Optional.of(bytes(audio)), text);
    }

    /**
     * The rest of the body is read and dropped before answering: a client still sending would
     * otherwise see the connection closed under it instead of this message. Bodies far over the
     * limit are not worth reading; for those the connection is closed.
     */
    private static HttpResponseException tooLarge(Context ctx, long length) {
        if (length <= MAX_DRAIN_BYTES) {
            try (InputStream rest = ctx.req().getInputStream()) {
                byte[] buffer = new byte[1 << 16];
                long left = MAX_DRAIN_BYTES;
                for (int n = 0;
                        n >= 0 && left > 0;
                        n = rest.read(buffer, 0, (int) Math.min(buffer.length, left))) {
                    left -= n;
                }
            } catch (IOException | IllegalStateException ignored) {
                // Read as far as it could be; the answer below still goes out.
            }
        }
        String size =
                length > 0
                        ? " (" + Numbers.oneDecimal(length / (1024.0 * 1024)) + " MB)"
                        : "";
        return new HttpResponseException(
                HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "The recording is too large"
                        + size
                        + ": the limit is "
                        + WavAudio.MAX_BYTES / (1024 * 1024)
                        + " MB, about 10 minutes of 16 kHz mono WAV.");
    }

    private static Optional<String> text(Part part) {
        if (part == null) {
            return Optional.empty();
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new BadRequest(
                        "The field "
                                + part.getName()
                                + " is too long: a typed answer keeps at most "
                                + Practice.MAX_TEXT_CHARS
                                + " characters.");
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadRequest(
                    "The field " + part.getName() + " could not be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BadRequest("The audio could not be read: " + e.getMessage());
        }
    }

    private static PracticeOptions options(Context ctx) {
        List<String> tags =
                ctx.queryParams("tag").stream()
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
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, not '" + raw + "'");
        }
    }

    private static long attemptId(Context ctx) {
        return PathId.of(ctx, "practice attempt");
    }

    private CardDetail card(long id) {
        return cards.find(id)
                .orElseThrow(() -> new NotFoundResponse("There is no card " + id + "."));
    }

    private SpeechModel speech() {
        return SpeechModel.of(practice.modelStatus());
    }

    private static void refusal(Practice.Refused e, Context ctx) {
        int status =
                switch (e.reason()) {
                    case UNKNOWN_CARD, UNKNOWN_ATTEMPT -> 404;
                    case ARCHIVED_CARD, ALREADY_RATED, NOT_RETRANSCRIBABLE -> 409;
                    case INVALID -> 400;
                };
        WebServer.answerError(ctx, status, e.getMessage(), List.of());
    }
}
