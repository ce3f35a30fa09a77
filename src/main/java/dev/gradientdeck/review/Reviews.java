package dev.gradientdeck.review;

import dev.gradientdeck.cards.CardViews;
import dev.gradientdeck.cards.CardViews.CardSchedule;
import dev.gradientdeck.days.DayKey;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.review.ReviewRepository.LoggedReview;
import dev.gradientdeck.review.ReviewRepository.QueueCounts;
import dev.gradientdeck.review.ReviewRepository.ReviewCard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answering and undoing: loads a card's schedule, asks the scheduler, and appends to the log, all in one transaction.
 * Writes are serialized here because SQLite allows one writer and a read-then-write must not interleave.
 */
public final class Reviews implements CardViews.Schedules {
    /** Anki's learn-ahead limit: with nothing else left, a learning step due this soon is shown now. */
    static final Duration LEARN_AHEAD = Duration.ofMinutes(20);

    private final ReviewRepository repository;
    private final DataVersion version;
    private final LearnerClock clock;
    private final int newPerDay;
    private volatile FsrsSettings settings;

    public Reviews(ReviewRepository repository, DataVersion version, LearnerClock clock, int newPerDay, FsrsSettings settings) {
        this.repository = repository;
        this.version = version;
        this.clock = clock;
        this.newPerDay = newPerDay;
        this.settings = settings;
    }

    /** Why an answer was refused: the caller turns each into a clear 4xx. */
    public sealed interface Refusal permits UnknownCard, ArchivedCard, OutOfOrder, AlreadyAnswered, NothingToUndo {}

    public record UnknownCard(long cardId) implements Refusal {}

    public record ArchivedCard(long cardId) implements Refusal {}

    public record OutOfOrder(Instant reviewedAt, Instant lastReview) implements Refusal {}

    /** Another tab (or a double click) answered this card since the page was shown. */
    public record AlreadyAnswered(long cardId, int repsNow) implements Refusal {}

    public record NothingToUndo() implements Refusal {}

    public static final class Refused extends RuntimeException {
        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.toString());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** What a card would become under each rating now: the grade buttons show these. */
    public record Preview(ReviewCard card, NextStates next, long elapsedDays) {}

    public Preview preview(long cardId) {
        ReviewCard card = repository.card(cardId).orElseThrow(() -> new Refused(new UnknownCard(cardId)));
        Instant now = clock.now();
        long elapsed = elapsedDays(card.schedule(), now);
        return new Preview(card, Scheduler.nextStates(card.schedule(), now, elapsed, fuzzSeed(card), settings), elapsed);
    }

    /** The result of one answer, as logged. */
    public record Answered(LoggedReview review, Outcome outcome, boolean repeated) {}

    public synchronized Answered answer(long cardId, Rating rating, Optional<Instant> reviewedAt, Optional<String> requestId,
                                        Optional<Integer> expectedReps, Optional<Duration> timeTaken) {
        return repository.inWriteTransaction(h -> {
            if (requestId.isPresent()) {
                Optional<LoggedReview> earlier = repository.byRequestId(h, requestId.get());
                if (earlier.isPresent()) return new Answered(earlier.get(), outcomeOf(earlier.get()), true);
            }
            ReviewCard card = repository.card(h, cardId).orElseThrow(() -> new Refused(new UnknownCard(cardId)));
            if (card.archived()) throw new Refused(new ArchivedCard(cardId));
            Schedule before = card.schedule();
            if (expectedReps.isPresent() && expectedReps.get() != before.reps()) {
                throw new Refused(new AlreadyAnswered(cardId, before.reps()));
            }
            Instant at = reviewedAt.orElseGet(clock::now);
            if (before.lastReview() != null && at.isBefore(before.lastReview())) {
                throw new Refused(new OutOfOrder(at, before.lastReview()));
            }
            long elapsed = elapsedDays(before, at);
            long seed = fuzzSeed(card);
            Outcome outcome = Scheduler.answer(before, rating, at, elapsed, seed, settings);
            long id = repository.append(h, cardId, at, clock.dayKey(at).date(), rating, before.state().name(),
                    outcome, elapsed, seed, timeTaken.map(Duration::toMillis).orElse(null), requestId.orElse(null));
            List<LoggedReview> log = repository.activeLog(h, cardId);
            repository.saveSchedule(h, cardId, Optional.of(log.get(log.size() - 1)));
            return new Answered(log.get(log.size() - 1), outcome, false);
        });
    }

    /** Takes back the latest answer that still counts; the card's schedule becomes exactly what it was before it. */
    public synchronized LoggedReview undoLast() {
        return repository.inWriteTransaction(h -> {
            LoggedReview last = repository.lastActive(h).orElseThrow(() -> new Refused(new NothingToUndo()));
            repository.markUndone(h, last.id(), clock.now());
            List<LoggedReview> log = repository.activeLog(h, last.cardId());
            repository.saveSchedule(h, last.cardId(), log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1)));
            // The logged memory is what the weights of that day gave; the card keeps the memory today's weights give.
            repository.replayMemory(h, last.cardId(), events(log), settings, false);
            return last;
        });
    }

    /** Replays a card's log from scratch with the current settings: the schedule it derives from its history. */
    public Schedule replay(long cardId) {
        return repository.inTransaction(h -> {
            ReviewCard card = repository.card(h, cardId).orElseThrow(() -> new Refused(new UnknownCard(cardId)));
            return Scheduler.replay(events(repository.activeLog(h, cardId)), Schedule.fresh(card.createdAt()), settings);
        });
    }

    private static List<ReviewEvent> events(List<LoggedReview> log) {
        return log.stream().map(r -> new ReviewEvent(r.rating(), r.reviewedAt(), r.elapsedDays(), r.fuzzSeed())).toList();
    }

    /** The settings every answer uses now. */
    public FsrsSettings settings() {
        return settings;
    }

    /**
     * Switches every later answer to {@code next}, in one transaction with {@code record} (which stores the change) and, when
     * the weights change, with every card's memory re-derived from its log under them; no answer or undo runs in between.
     * Due dates stay unless {@code reschedule}. Returns the number of cards re-derived.
     */
    public synchronized int switchSettings(FsrsSettings next, boolean reschedule, Runnable record) {
        boolean rederive = reschedule || !next.weights().equals(settings.weights());
        int cards = repository.inTransaction(h -> {
            record.run();
            return rederive ? repository.replayMemories(h, next, reschedule) : 0;
        });
        settings = next;
        queue = null;
        return cards;
    }

    public QueueCounts counts() {
        return queue().counts();
    }

    public Optional<Long> nextCard() {
        return queue().next();
    }

    /**
     * Today's queue, kept until it could change: the data changes (a new stamp), a learning step falls due or enters the
     * learn-ahead window, or the day ends. Between those moments every review page shows the same queue, so it is computed
     * once; the answer is exact, not a cache that may be stale.
     */
    private record Queue(String stamp, Instant from, Instant until, QueueCounts counts, Optional<Long> next) {
        boolean holds(String stampNow, Instant now) {
            return stamp.equals(stampNow) && !now.isBefore(from) && now.isBefore(until);
        }
    }

    private volatile Queue queue;

    private Queue queue() {
        Instant now = clock.now();
        String stamp = version.current();
        Queue known = queue;
        if (known != null && known.holds(stamp, now)) return known;
        synchronized (this) {
            known = queue;
            if (known != null && known.holds(stamp, now)) return known;
            DayKey today = clock.dayKey(now);
            Instant dayEnds = clock.endOf(today.date());
            Instant until = dayEnds;
            Optional<Instant> nextStep = repository.firstStepDueAfter(now);
            if (nextStep.isPresent() && nextStep.get().isBefore(until)) until = nextStep.get();
            Optional<Instant> nextAhead = repository.firstStepDueAfter(now.plus(LEARN_AHEAD));
            if (nextAhead.isPresent() && nextAhead.get().minus(LEARN_AHEAD).isBefore(until)) until = nextAhead.get().minus(LEARN_AHEAD);
            Queue fresh = new Queue(stamp, now, until, repository.counts(now, dayEnds, today.date(), newPerDay),
                    repository.next(now, dayEnds, today.date(), newPerDay, now.plus(LEARN_AHEAD)));
            queue = fresh;
            return fresh;
        }
    }

    public Optional<Instant> nextDue() {
        return repository.nextDue();
    }

    @Override
    public Map<Long, String> states() {
        return repository.states();
    }

    @Override
    public CardSchedule of(long cardId) {
        Schedule s = repository.card(cardId).map(ReviewCard::schedule).orElseGet(() -> Schedule.fresh(clock.now()));
        if (s.state() instanceof CardState.New) return new CardSchedule("new", null, null, s.due(), 0, 0);
        Memory m = ReviewRepository.memoryOf(s.state());
        return new CardSchedule(s.state().name(), m.stability(), m.difficulty(), s.due(), s.reps(), s.lapses());
    }

    public Instant now() {
        return clock.now();
    }

    /** Whole learner days since the last review: FSRS counts days as the learner lives them, not 24-hour periods. */
    private long elapsedDays(Schedule schedule, Instant now) {
        return elapsedDays(schedule, now, clock);
    }

    static long elapsedDays(Schedule schedule, Instant now, LearnerClock clock) {
        if (schedule.lastReview() == null) return 0;
        return Math.max(0, clock.dayKey(schedule.lastReview()).daysUntil(clock.dayKey(now)));
    }

    /** Fixed per card and review, so a preview, the answer and a replay all draw the same fuzz. */
    private static long fuzzSeed(ReviewCard card) {
        return fuzzSeed(card.id(), card.schedule().reps());
    }

    static long fuzzSeed(long cardId, int reps) {
        return cardId * 1_000_003L + reps;
    }

    /** Where a history answered elsewhere (an Anki import) enters the log, with this scheduler's settings. */
    public PastAnswers pastAnswers() {
        return new PastAnswers(repository, this, clock, settings);
    }

    /** Runs work that writes the log outside an answer (an imported history) so that no answer interleaves with it. */
    public synchronized <T> T exclusively(java.util.function.Supplier<T> work) {
        return work.get();
    }

    private static Outcome outcomeOf(LoggedReview review) {
        Schedule s = review.after();
        Duration interval = Duration.between(review.reviewedAt(), s.due());
        return new Outcome(s, interval, interval.toSeconds() / 86400.0, review.scheduledDays());
    }
}
