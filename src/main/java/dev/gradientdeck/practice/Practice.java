package dev.gradientdeck.practice;

import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.practice.PracticeAttempt.Mode;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.PracticeRepository.Measures;
import dev.gradientdeck.practice.PracticeRepository.NewAttempt;
import dev.gradientdeck.practice.coverage.KeyPoint;
import dev.gradientdeck.practice.coverage.KeyPoints;
import dev.gradientdeck.practice.measure.SpeechMetrics;
import dev.gradientdeck.practice.measure.SpeechReport;
import dev.gradientdeck.practice.measure.TypedAnswer;
import dev.gradientdeck.practice.speech.InvalidWavException;
import dev.gradientdeck.practice.speech.ModelStatus;
import dev.gradientdeck.practice.speech.SpeechRecognizer;
import dev.gradientdeck.practice.speech.TimedWord;
import dev.gradientdeck.practice.speech.Transcriber;
import dev.gradientdeck.practice.speech.WavAudio;
import dev.gradientdeck.review.Grading;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.review.Reviews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Taking practice answers: checks each one, stores it with its day key the moment it arrives (with
 * the recording beside the database), queues the transcription, and passes the learner's
 * self-rating to the scheduler.
 */
public final class Practice implements AutoCloseable {

    /**
     * A typed answer longer than this is not an interview answer; the cap keeps stored rows small.
     */
    public static final int MAX_TEXT_CHARS = 20_000;

    private final PracticeRepository repository;
    private final CardRepository cards;
    private final Grading grading;
    private final Recordings recordings;
    private final TranscriptionQueue queue;
    /** Asked on every answer: the learner may change their zone or day start while the app runs. */
    private final Supplier<LearnerClock> clock;

    /**
     * Why an answer, a rating or a checklist was refused; the message is written for the learner.
     */
    public static final class Refused extends RuntimeException {
        public enum Reason {
            UNKNOWN_CARD,
            UNKNOWN_ATTEMPT,
            ARCHIVED_CARD,
            ALREADY_RATED,
            NOT_RETRANSCRIBABLE,
            INVALID,
            BUSY
        }

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private Practice(
            PracticeRepository repository,
            CardRepository cards,
            Grading grading,
            Recordings recordings,
            TranscriptionQueue queue,
            Supplier<LearnerClock> clock) {
        this.repository = repository;
        this.cards = cards;
        this.grading = grading;
        this.recordings = recordings;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Practice over the database in {@code databaseFolder}: recordings go to its {@code
     * recordings/}, the speech model to its {@code models/}. Recordings a previous run left without
     * a transcript are queued again.
     */
    public static Practice open(
            PracticeRepository repository,
            Path databaseFolder,
            CardRepository cards,
            Grading grading,
            Supplier<LearnerClock> clock) {
        return open(
                repository,
                databaseFolder,
                cards,
                grading,
                clock,
                () -> Transcriber.start(databaseFolder.resolve("models")));
    }

    static Practice open(
            PracticeRepository repository,
            Path databaseFolder,
            CardRepository cards,
            Grading grading,
            Supplier<LearnerClock> clock,
            Supplier<? extends SpeechRecognizer> startSpeech) {
        Recordings recordings = new Recordings(databaseFolder);
        TranscriptionQueue queue = new TranscriptionQueue(repository, recordings, startSpeech);
        repository.pending().forEach(queue::submit);
        return new Practice(repository, cards, grading, recordings, queue, clock);
    }

    public PracticeRepository repository() {
        return repository;
    }

    public Recordings recordings() {
        return recordings;
    }

    public ModelStatus modelStatus() {
        return queue.modelStatus();
    }

    public Optional<Double> progress(long attemptId) {
        return queue.progress(attemptId);
    }

    public PracticeAttempt attempt(long id) {
        return repository
                .find(id)
                .orElseThrow(
                        () -> new Refused(Refused.Reason.UNKNOWN_ATTEMPT, "There is no practice attempt " + id + "."));
    }

    /**
     * A spoken answer, uploaded to {@code upload} (a file this call takes over: it is moved into
     * the recordings or deleted). The WAV is checked before anything is stored ({@link
     * InvalidWavException} when it is not one), then kept and queued for transcription. Where
     * speech recognition is unavailable the attempt is still stored, marked so, and everything but
     * the transcript works. With {@link TranscriptionQueue#MAX_WAITING} recordings waiting already
     * it is refused as busy, and nothing is stored.
     */
    public PracticeAttempt answerAloud(long cardId, Path upload, Optional<Long> interviewId) {
        try {
            CardDetail card = answerableCard(cardId);
            if (queue.full()) {
                throw new Refused(
                        Refused.Reason.BUSY,
                        TranscriptionQueue.MAX_WAITING
                                + " recordings are waiting to be transcribed already; send this one again in a minute"
                                + " (it is still in your page).");
            }
            double seconds = WavAudio.inspect(upload);
            long bytes = Files.size(upload);
            ModelStatus model = queue.modelStatus();
            Optional<String> unavailable =
                    model instanceof ModelStatus.Unavailable u ? Optional.of(u.reason()) : Optional.empty();
            LearnerClock learner = clock.get();
            Instant now = learner.now();
            LocalDate day = learner.dayKey(now).date();
            String path = recordings.store(upload, day);
            long id;
            try {
                id = repository.insert(
                        new NewAttempt(
                                cardId,
                                now,
                                day,
                                Mode.SPOKEN,
                                unavailable.isPresent() ? Status.UNAVAILABLE : Status.QUEUED,
                                unavailable.orElse(null),
                                path,
                                bytes,
                                seconds,
                                checklist(card),
                                interviewId.orElse(null)),
                        Optional.empty());
            } catch (RuntimeException e) {
                deleteQuietly(path, e);
                throw e;
            }
            // Read before queueing, so the answer reports the attempt as stored, not wherever the
            // worker has taken it since.
            PracticeAttempt stored = attempt(id);
            if (unavailable.isEmpty()) {
                queue.submit(id);
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the recording", e);
        } finally {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException ignored) {
                // A temporary upload left behind is removed with the temporary folder.
            }
        }
    }

    /**
     * A typed answer (the learner has no microphone, or chose to type): measured at once, without
     * timings.
     */
    public PracticeAttempt answerInWriting(long cardId, String text, Optional<Long> interviewId) {
        CardDetail card = answerableCard(cardId);
        String answer = text.strip();
        if (answer.isEmpty()) {
            throw new Refused(Refused.Reason.INVALID, "The typed answer is empty.");
        }
        if (answer.length() > MAX_TEXT_CHARS) {
            throw new Refused(
                    Refused.Reason.INVALID,
                    "The typed answer has "
                            + answer.length()
                            + " characters; at most "
                            + MAX_TEXT_CHARS
                            + " are kept.");
        }
        List<TimedWord> words = TypedAnswer.words(answer);
        SpeechReport report = SpeechMetrics.report(words);
        List<KeyPoint> points = checklist(card);
        LearnerClock learner = clock.get();
        Instant now = learner.now();
        long id = repository.insert(
                new NewAttempt(
                        cardId,
                        now,
                        learner.dayKey(now).date(),
                        Mode.TYPED,
                        Status.DONE,
                        null,
                        null,
                        null,
                        null,
                        points,
                        interviewId.orElse(null)),
                Optional.of(new Measures(words, report, false, KeyPoints.coverage(points, report.transcript()))));
        return attempt(id);
    }

    /**
     * The learner's own grade of the answer, given once: it goes to the scheduler as a review of
     * the card. The attempt id is the review's request id, so a double click or a retry after a
     * lost reply schedules the card once.
     */
    public synchronized PracticeAttempt rate(long attemptId, Rating rating) {
        PracticeAttempt attempt = attempt(attemptId);
        if (attempt.rating() != null) {
            if (attempt.rating() == rating.value()) {
                return attempt;
            }
            throw new Refused(
                    Refused.Reason.ALREADY_RATED,
                    "This answer was already rated "
                            + Rating.of(attempt.rating()).label()
                            + "; a rating is given once, because it schedules the card.");
        }
        Reviews.Answered answered;
        try {
            answered = grading.grade(
                    attempt.cardId(),
                    rating,
                    "practice-" + attemptId,
                    Optional.ofNullable(attempt.durationSeconds()).map(s -> Duration.ofMillis(Math.round(s * 1000))));
        } catch (Reviews.Refused e) {
            if (e.refusal() instanceof Reviews.ArchivedCard) {
                throw new Refused(
                        Refused.Reason.ARCHIVED_CARD,
                        "Card "
                                + attempt.cardId()
                                + " is archived (its file was removed from the deck), so the rating cannot schedule it.");
            }
            throw e;
        }
        repository.saveRating(
                attemptId,
                answered.review().rating().value(),
                answered.review().id(),
                answered.review().reviewedAt());
        return attempt(attemptId);
    }

    /** The learner's call on the checklist: the positions ticked are covered, the others not. */
    public PracticeAttempt checkPoints(long attemptId, Set<Integer> covered) {
        PracticeAttempt attempt = attempt(attemptId);
        int points = attempt.points().size();
        for (int position : covered) {
            if (position < 0 || position >= points) {
                throw new Refused(
                        Refused.Reason.INVALID,
                        "There is no key point "
                                + position
                                + ": this answer has "
                                + (points == 0 ? "no key points." : points + " (numbered 0 to " + (points - 1) + ")."));
            }
        }
        repository.saveCoverage(attemptId, covered);
        return attempt(attemptId);
    }

    /**
     * Tries a recording again whose transcription failed or found no speech model (it may be there
     * now).
     */
    public PracticeAttempt retranscribe(long attemptId) {
        PracticeAttempt attempt = attempt(attemptId);
        if (!attempt.spoken()
                || attempt.status() == Status.DONE
                || attempt.status().pending()) {
            throw new Refused(
                    Refused.Reason.NOT_RETRANSCRIBABLE,
                    "Attempt "
                            + attemptId
                            + " is "
                            + (attempt.spoken() ? attempt.status().key() : "typed")
                            + "; only a recording whose transcription failed"
                            + " or was unavailable is transcribed again.");
        }
        repository.markStatus(attemptId, Status.QUEUED, null);
        PracticeAttempt queued = attempt(attemptId);
        queue.submit(attemptId);
        return queued;
    }

    @Override
    public void close() {
        queue.close();
    }

    private CardDetail answerableCard(long cardId) {
        CardDetail card = cards.find(cardId)
                .orElseThrow(() -> new Refused(Refused.Reason.UNKNOWN_CARD, "There is no card " + cardId + "."));
        if (card.archived()) {
            throw new Refused(
                    Refused.Reason.ARCHIVED_CARD,
                    "Card " + cardId + " is archived: its file was removed from the deck.");
        }
        return card;
    }

    /** The card's own key points when it lists them, else points taken from its answer. */
    static List<KeyPoint> checklist(CardDetail card) {
        return card.keyPoints().isEmpty()
                ? KeyPoints.fromAnswer(null, card.answer())
                : KeyPoints.fromTexts(card.keyPoints());
    }

    private void deleteQuietly(String path, RuntimeException cause) {
        try {
            recordings.delete(path);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
