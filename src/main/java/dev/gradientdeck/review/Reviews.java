package dev.gradientdeck.review;

import dev.gradientdeck.cards.CardViews;
import dev.gradientdeck.cards.CardViews.CardSchedule;
import dev.gradientdeck.days.DayKey;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.db.DataVersion;
import dev.gradientdeck.review.ReviewRepository.LoggedReview;
import dev.gradientdeck.review.ReviewRepository.QueueCounts;
import dev.gradientdeck.review.ReviewRepository.ReviewCard;
import dev.gradientdeck.settings.LearnerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answering and undoing: loads a card's schedule, asks the scheduler, and appends to the log, all in one transaction.
 * Writes are serialized here because SQLite allows one writer and a read-then-write must not interleave. Also the
 * learner's choices about the queue: suspending, burying until tomorrow, and extra new cards today.
 *
 * <p>The learner's settings (day start, zone, new cards per day, retention, fuzz) are read on every use, so a change on
 * the settings page counts from the next card on.
 */
public final class Reviews implements CardViews.Schedules {
    /** Anki's learn-ahead limit: with nothing else left, a learning step due this soon is shown now. */
    static final Duration LEARN_AHEAD = Duration.ofMinutes(20);

    /** At most this many extra new cards are added by one "study more". */
    public static final int MOST_EXTRA_NEW = 1000;

    private final ReviewRepository repository;
    private final QueueChoiceRepository choices;
    private final DataVersion version;
    private final LearnerSettings.Source learner;
    /** The 21 FSRS weights in use: the defaults, or a fit the learner accepted (see {@link #switchWeights}). */
    private volatile List<Double> weights;

    public Reviews(
            ReviewRepository repository,
            QueueChoiceRepository choices,
            DataVersion version,
            LearnerSettings.Source learner,
            List<Double> weights) {
        this.repository = repository;
        this.choices = choices;
        this.version = version;
        this.learner = learner;
        this.weights = List.copyOf(weights);
    }

    /**
     * The scheduler's settings now. The one place they are read: the weights in use, with the learner's desired retention
     * and fuzz, on FSRS-6's steps.
     */
    public FsrsSettings scheduler() {
        LearnerSettings s = learner.current();
        return FsrsSettings.defaults()
                .withWeights(weights)
                .withFuzz(s.fuzz())
                .withDesiredRetention(s.desiredRetention());
    }

    /** Why an answer was refused: the caller turns each into a clear 4xx. */
    public sealed interface Refusal
            permits UnknownCard, ArchivedCard, OutOfOrder, AlreadyAnswered, NothingToUndo, NotYet, RequestIdTaken {}

    public record UnknownCard(long cardId) implements Refusal {}

    public record ArchivedCard(long cardId) implements Refusal {}

    public record OutOfOrder(Instant reviewedAt, Instant lastReview) implements Refusal {}

    /** Another tab (or a double click) answered this card since the page was shown. */
    public record AlreadyAnswered(long cardId, int repsNow) implements Refusal {}

    public record NothingToUndo() implements Refusal {}

    /** A review time too far ahead of the server's clock: recorded, it would block the card's real reviews until then. */
    public record NotYet(Instant reviewedAt, Instant now) implements Refusal {}

    /** The request id names an answer given to another card: answering with it again is a client's mistake, not a retry. */
    public record RequestIdTaken(String requestId, long otherCardId) implements Refusal {}

    /** How far ahead of the server's clock a given review time may be: clocks of a phone and a laptop drift a little. */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

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
        LearnerClock clock = learner.learnerClock();
        Instant now = clock.now();
        long elapsed = elapsedDays(clock, card.schedule(), now);
        return new Preview(
                card, Scheduler.nextStates(card.schedule(), now, elapsed, fuzzSeed(card), scheduler()), elapsed);
    }

    /** The result of one answer, as logged. */
    public record Answered(LoggedReview review, Outcome outcome, boolean repeated) {}

    public synchronized Answered answer(
            long cardId,
            Rating rating,
            Optional<Instant> reviewedAt,
            Optional<String> requestId,
            Optional<Integer> expectedReps,
            Optional<Duration> timeTaken) {
        return repository.inWriteTransaction(h -> {
            if (requestId.isPresent()) {
                Optional<LoggedReview> earlier = repository.byRequestId(h, requestId.get());
                if (earlier.isPresent() && earlier.get().cardId() != cardId) {
                    throw new Refused(
                            new RequestIdTaken(requestId.get(), earlier.get().cardId()));
                }
                if (earlier.isPresent()) return new Answered(earlier.get(), outcomeOf(earlier.get()), true);
            }
            ReviewCard card = repository.card(h, cardId).orElseThrow(() -> new Refused(new UnknownCard(cardId)));
            if (card.archived()) throw new Refused(new ArchivedCard(cardId));
            Schedule before = card.schedule();
            if (expectedReps.isPresent() && expectedReps.get() != before.reps()) {
                throw new Refused(new AlreadyAnswered(cardId, before.reps()));
            }
            LearnerClock clock = learner.learnerClock();
            Instant at = reviewedAt.orElseGet(clock::now);
            if (at.isAfter(clock.now().plus(CLOCK_SLACK))) throw new Refused(new NotYet(at, clock.now()));
            if (before.lastReview() != null && at.isBefore(before.lastReview())) {
                throw new Refused(new OutOfOrder(at, before.lastReview()));
            }
            long elapsed = elapsedDays(clock, before, at);
            long seed = fuzzSeed(card);
            Outcome outcome = Scheduler.answer(before, rating, at, elapsed, seed, scheduler());
            long id = repository.append(
                    h,
                    cardId,
                    at,
                    clock.dayKey(at).date(),
                    rating,
                    before.state().name(),
                    outcome,
                    elapsed,
                    seed,
                    timeTaken.map(Duration::toMillis).orElse(null),
                    requestId.orElse(null));
            List<LoggedReview> log = repository.activeLog(h, cardId);
            repository.saveSchedule(h, cardId, Optional.of(log.get(log.size() - 1)));
            return new Answered(log.get(log.size() - 1), outcome, false);
        });
    }

    /** Takes back the latest answer that still counts; the card's schedule becomes exactly what it was before it. */
    public synchronized LoggedReview undoLast() {
        return repository.inWriteTransaction(h -> {
            LoggedReview last = repository.lastActive(h).orElseThrow(() -> new Refused(new NothingToUndo()));
            repository.markUndone(h, last.id(), learner.clock().instant());
            List<LoggedReview> log = repository.activeLog(h, last.cardId());
            repository.saveSchedule(
                    h, last.cardId(), log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1)));
            // The logged memory is what the weights of that day gave; the card keeps the memory today's weights give.
            repository.replayMemory(h, last.cardId(), events(log), scheduler(), false);
            return last;
        });
    }

    /** Replays a card's log from scratch with the current settings: the schedule it derives from its history. */
    public Schedule replay(long cardId) {
        return repository.inTransaction(h -> {
            ReviewCard card = repository.card(h, cardId).orElseThrow(() -> new Refused(new UnknownCard(cardId)));
            return Scheduler.replay(
                    events(repository.activeLog(h, cardId)), Schedule.fresh(card.createdAt()), scheduler());
        });
    }

    private static List<ReviewEvent> events(List<LoggedReview> log) {
        return log.stream()
                .map(r -> new ReviewEvent(r.rating(), r.reviewedAt(), r.elapsedDays(), r.fuzzSeed()))
                .toList();
    }

    /**
     * Switches every later answer to the weights {@code next}, in one transaction with {@code record} (which stores the change)
     * and, when the weights change, with every card's memory re-derived from its log under them; no answer or undo runs in
     * between. Due dates stay unless {@code reschedule}. Returns the number of cards re-derived.
     */
    public synchronized int switchWeights(List<Double> next, boolean reschedule, Runnable record) {
        boolean rederive = reschedule || !next.equals(weights);
        FsrsSettings settings = scheduler().withWeights(next);
        int cards = repository.inWriteTransaction(h -> {
            record.run();
            return rederive ? repository.replayMemories(h, settings, reschedule) : 0;
        });
        weights = List.copyOf(next);
        queues.clear();
        return cards;
    }

    public QueueCounts counts() {
        return counts(QueueScope.EVERYTHING);
    }

    public QueueCounts counts(QueueScope scope) {
        return queue(scope).counts();
    }

    public Optional<Long> nextCard(QueueScope scope) {
        return queue(scope).next();
    }

    /**
     * The next card other than {@code skipped}, which the learner put off for now: "skip for now" on a descent card. The
     * skipped card stays due and comes back on the next review page.
     */
    public Optional<Long> nextCardSkipping(QueueScope scope, long skipped) {
        Optional<Long> next = nextCard(scope);
        if (next.isEmpty() || next.get() != skipped) return next;
        LearnerSettings settings = learner.current();
        LearnerClock clock = settings.clockOn(learner.clock());
        Instant now = clock.now();
        DayKey today = clock.dayKey(now);
        return repository.next(
                scope,
                now,
                clock.endOf(today.date()),
                today.date(),
                settings.newPerDay(),
                now.plus(LEARN_AHEAD),
                skipped);
    }

    /**
     * Today's queue of one scope, kept until it could change: the data changes (a new stamp), the settings change, a
     * learning step falls due or enters the learn-ahead window, or the day ends. Between those moments every review page
     * shows the same queue, so it is computed once; the answer is exact, not a cache that may be stale.
     */
    private record Queue(
            String stamp,
            LearnerSettings settings,
            Instant from,
            Instant until,
            QueueCounts counts,
            Optional<Long> next) {
        boolean holds(String stampNow, LearnerSettings settingsNow, Instant now) {
            return stamp.equals(stampNow) && settings.equals(settingsNow) && !now.isBefore(from) && now.isBefore(until);
        }
    }

    /** Queues by scope; a learner reviews a handful of decks and tags, so the map is cleared rather than evicted. */
    private final Map<QueueScope, Queue> queues = new ConcurrentHashMap<>();

    private Queue queue(QueueScope scope) {
        LearnerSettings settings = learner.current();
        LearnerClock clock = settings.clockOn(learner.clock());
        Instant now = clock.now();
        String stamp = version.current();
        Queue known = queues.get(scope);
        if (known != null && known.holds(stamp, settings, now)) return known;
        synchronized (this) {
            known = queues.get(scope);
            if (known != null && known.holds(stamp, settings, now)) return known;
            DayKey today = clock.dayKey(now);
            Instant dayEnds = clock.endOf(today.date());
            Instant until = dayEnds;
            Optional<Instant> nextStep = repository.firstStepDueAfter(now);
            if (nextStep.isPresent() && nextStep.get().isBefore(until)) until = nextStep.get();
            Optional<Instant> nextAhead = repository.firstStepDueAfter(now.plus(LEARN_AHEAD));
            if (nextAhead.isPresent() && nextAhead.get().minus(LEARN_AHEAD).isBefore(until))
                until = nextAhead.get().minus(LEARN_AHEAD);
            int newPerDay = settings.newPerDay();
            Queue fresh = new Queue(
                    stamp,
                    settings,
                    now,
                    until,
                    repository.counts(scope, now.plus(LEARN_AHEAD), dayEnds, today.date(), newPerDay),
                    repository.next(scope, now, dayEnds, today.date(), newPerDay, now.plus(LEARN_AHEAD), 0));
            if (queues.size() > 32) queues.clear();
            queues.put(scope, fresh);
            return fresh;
        }
    }

    public Optional<Instant> nextDue(QueueScope scope) {
        return repository.nextDue(scope, learner.learnerClock().today().date());
    }

    /** New cards in the scope beyond today's limit (counted up to {@link #MOST_EXTRA_NEW}): what "study more" can add. */
    public int newWaiting(QueueScope scope) {
        return repository.newWaiting(scope, learner.learnerClock().today().date(), MOST_EXTRA_NEW);
    }

    // ---- the learner's choices about the queue ----

    /** What the learner can do to a card's place in the queue. */
    public enum QueueAction {
        SUSPEND("suspend"),
        UNSUSPEND("unsuspend"),
        BURY("bury"),
        UNBURY("unbury");

        private final String written;

        QueueAction(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }
    }

    /** Where a card stands by the learner's choice: in the queue, suspended until unsuspended, or buried for today. */
    public enum Hold {
        NONE,
        SUSPENDED,
        BURIED
    }

    /** Suspends, unsuspends, buries or unburies a card; returns where it stands now. */
    public Hold change(long cardId, QueueAction action) {
        ReviewCard card = repository.card(cardId).orElseThrow(() -> new Refused(new UnknownCard(cardId)));
        if (card.archived() && (action == QueueAction.SUSPEND || action == QueueAction.BURY)) {
            throw new Refused(new ArchivedCard(cardId));
        }
        LearnerClock clock = learner.learnerClock();
        Instant now = clock.now();
        choices.record(cardId, action, clock.dayKey(now).date(), now);
        return hold(cardId);
    }

    public Hold hold(long cardId) {
        return choices.hold(cardId).map(this::holdOf).orElse(Hold.NONE);
    }

    private Hold holdOf(QueueChoiceRepository.StoredHold stored) {
        if (stored.kind().equals("suspended")) return Hold.SUSPENDED;
        boolean buriedToday =
                !stored.untilDay().isBefore(learner.learnerClock().today().date());
        return buriedToday ? Hold.BURIED : Hold.NONE;
    }

    /** "Study more": {@code cards} more new cards today, on top of the daily limit (1 to {@link #MOST_EXTRA_NEW}). */
    public void studyMore(int cards) {
        if (cards < 1 || cards > MOST_EXTRA_NEW) {
            throw new IllegalArgumentException("extra new cards must be 1 to " + MOST_EXTRA_NEW + ", was " + cards);
        }
        LearnerClock clock = learner.learnerClock();
        choices.addNewCards(clock.today().date(), cards, clock.now());
    }

    /** Each card's state for the card list: its schedule's, or "suspended" (never shown for review until unsuspended). */
    @Override
    public Map<Long, String> states() {
        Map<Long, String> states = new java.util.HashMap<>(repository.states());
        choices.holds().forEach((id, hold) -> {
            if (hold.kind().equals("suspended")) states.put(id, SUSPENDED);
        });
        return states;
    }

    /** The state the API and the card list give a suspended card. */
    public static final String SUSPENDED = "suspended";

    @Override
    public CardSchedule of(long cardId) {
        Schedule s = repository.card(cardId).map(ReviewCard::schedule).orElseGet(() -> Schedule.fresh(now()));
        String state = hold(cardId) == Hold.SUSPENDED ? SUSPENDED : s.state().name();
        if (s.state() instanceof CardState.New) return new CardSchedule(state, null, null, s.due(), 0, 0);
        Memory m = ReviewRepository.memoryOf(s.state());
        return new CardSchedule(state, m.stability(), m.difficulty(), s.due(), s.reps(), s.lapses());
    }

    public Instant now() {
        return learner.clock().instant();
    }

    /** Whole learner days since the last review: FSRS counts days as the learner lives them, not 24-hour periods. */
    static long elapsedDays(LearnerClock clock, Schedule schedule, Instant now) {
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
        return new PastAnswers(repository, this, learner);
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
