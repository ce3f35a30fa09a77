package dev.gradientdeck.practice.interview;

import dev.gradientdeck.cards.CardViews.Schedules;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.practice.Practice;
import dev.gradientdeck.practice.PracticeAttempt;
import dev.gradientdeck.practice.interview.Interview.Question;
import dev.gradientdeck.practice.interview.Interview.Source;
import dev.gradientdeck.review.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mock interviews: choosing the questions, taking the answers (through {@link Practice}, each one
 * an ordinary practice attempt tied to the interview), the report at the end, and grading each
 * question through the scheduler.
 */
public final class Interviews {

    public static final int DEFAULT_QUESTIONS = 5;
    public static final int MAX_QUESTIONS = 20;
    public static final int DEFAULT_THINK_SECONDS = 20;
    public static final int DEFAULT_ANSWER_SECONDS = 120;

    /** Earlier interviews a report compares with. */
    private static final int EARLIER = 10;

    private final InterviewRepository repository;
    private final Practice practice;
    private final Schedules schedules;
    private final Supplier<LearnerClock> clock;

    /** Why an interview request was refused; the message is written for the learner. */
    public static final class Refused extends RuntimeException {
        private final boolean unknown;

        Refused(boolean unknown, String message) {
            super(message);
            this.unknown = unknown;
        }

        /** True when the interview does not exist (404), false for a request that does not fit it (409/400). */
        public boolean unknown() {
            return unknown;
        }
    }

    public Interviews(
            InterviewRepository repository, Practice practice, Schedules schedules, Supplier<LearnerClock> clock) {
        this.repository = repository;
        this.practice = practice;
        this.schedules = schedules;
        this.clock = clock;
    }

    public InterviewRepository repository() {
        return repository;
    }

    /** What the learner asked for: how many questions, from which deck or tag (or the due cards, or any). */
    public record Request(int questions, Source source, String value, int thinkSeconds, int answerSeconds) {
        public Request {
            if (questions < 1 || questions > MAX_QUESTIONS) {
                throw new IllegalArgumentException("questions must be 1 to " + MAX_QUESTIONS + ", not " + questions);
            }
            if (thinkSeconds < 0 || thinkSeconds > 300) {
                throw new IllegalArgumentException("think time must be 0 to 300 seconds, not " + thinkSeconds);
            }
            if (answerSeconds < 10 || answerSeconds > 600) {
                throw new IllegalArgumentException("answer time must be 10 to 600 seconds, not " + answerSeconds);
            }
        }
    }

    public Interview start(Request request) {
        List<Long> cards = request.source() == Source.DUE
                ? due(request.questions())
                : repository.pick(request.source(), request.value(), request.questions());
        if (cards.isEmpty()) {
            throw new Refused(
                    false,
                    switch (request.source()) {
                        case DECK -> "The deck '" + request.value() + "' has no cards to ask.";
                        case TAG -> "No card to ask carries the tag '" + request.value() + "'.";
                        case DUE -> "No card is due for review now: choose a deck or a tag instead.";
                        case ALL -> "There are no cards to ask yet: add cards with a question and an answer.";
                    });
        }
        LearnerClock learner = clock.get();
        Instant now = learner.now();
        long id = repository.create(
                now,
                learner.dayKey(now).date(),
                request.source(),
                request.value(),
                request.thinkSeconds(),
                request.answerSeconds(),
                cards);
        return find(id);
    }

    public Interview find(long id) {
        return repository.find(id).orElseThrow(() -> new Refused(true, "There is no interview " + id + "."));
    }

    /** Refuses an answer that is not to an open question of a running interview. */
    public void requireOpenQuestion(long id, long cardId) {
        Interview interview = find(id);
        if (interview.done()) {
            throw new Refused(false, "Interview " + id + " is over: every question has its answer.");
        }
        Optional<Question> question =
                interview.questions().stream().filter(q -> q.cardId() == cardId).findFirst();
        if (question.isEmpty()) {
            throw new Refused(false, "Card " + cardId + " is not a question of interview " + id + ".");
        }
        if (question.get().answered()) {
            throw new Refused(false, "Card " + cardId + " was answered already in interview " + id + ".");
        }
    }

    public void answered(long id, long cardId, long attemptId) {
        repository.answer(id, cardId, attemptId, clock.get().now());
    }

    /** The report of a finished interview; empty while it runs, so nothing is revealed early. */
    public Optional<InterviewReport> report(Interview interview) {
        if (!interview.done()) {
            return Optional.empty();
        }
        List<List<PracticeAttempt>> earlier = repository.earlier(interview.id(), EARLIER).stream()
                .map(this::answers)
                .toList();
        return Optional.of(InterviewReport.of(answers(interview), earlier));
    }

    /**
     * Grades one question through the scheduler (the learner's choice, or the suggestion), once.
     */
    public PracticeAttempt grade(long id, int position, Rating rating) {
        Interview interview = find(id);
        if (!interview.done()) {
            throw new Refused(false, "Interview " + id + " is still running: grades come with the report.");
        }
        Question question = interview.questions().stream()
                .filter(q -> q.position() == position)
                .findFirst()
                .orElseThrow(() -> new Refused(false, "Interview " + id + " has no question " + (position + 1) + "."));
        return practice.rate(question.attemptId(), rating);
    }

    /** Grades every question not graded yet as its coverage suggests. */
    public int gradeAsSuggested(long id) {
        Interview interview = find(id);
        InterviewReport report =
                report(interview).orElseThrow(() -> new Refused(false, "Interview " + id + " is still running."));
        int graded = 0;
        for (InterviewReport.QuestionReport q : report.questions()) {
            if (q.attempt().rating() == null && !q.pending()) {
                practice.rate(q.attempt().id(), q.suggested());
                graded++;
            }
        }
        return graded;
    }

    private List<PracticeAttempt> answers(Interview interview) {
        return interview.questions().stream()
                .filter(Question::answered)
                .map(q -> practice.attempt(q.attemptId()))
                .toList();
    }

    /** Cards whose review is due now, the most overdue first. */
    private List<Long> due(int count) {
        Instant now = clock.get().now();
        List<long[]> due = new ArrayList<>();
        for (long id : repository.askable()) {
            var schedule = schedules.of(id);
            if (schedule.due() != null && schedule.reps() > 0 && !schedule.due().isAfter(now)) {
                due.add(new long[] {id, schedule.due().toEpochMilli()});
            }
        }
        due.sort((a, b) -> Long.compare(a[1], b[1]));
        List<Long> ids =
                new ArrayList<>(due.stream().limit(count).map(d -> d[0]).toList());
        Collections.shuffle(ids);
        return ids;
    }
}
