package dev.gradientdeck.review;

import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.review.ReviewRepository.LoggedReview;
import dev.gradientdeck.review.ReviewRepository.ReviewCard;
import dev.gradientdeck.settings.LearnerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers given before the learner came here (an Anki history), written into the review log as if they had been answered
 * here at their original times: each goes through the scheduler like any answer, so the card's schedule is the replay of its
 * log. Every time crosses this class as an {@link Instant}; how the log stores times stays the repository's business.
 */
public final class PastAnswers {
    private final ReviewRepository repository;
    private final Reviews reviews;
    private final LearnerSettings.Source learner;

    PastAnswers(ReviewRepository repository, Reviews reviews, LearnerSettings.Source learner) {
        this.repository = repository;
        this.reviews = reviews;
        this.learner = learner;
    }

    /** One past answer: when, which rating, and how long it took when that is known. */
    public record PastAnswer(Instant at, Rating rating, Optional<Duration> timeTaken) {}

    /** A card's past answers, oldest first. */
    public record CardHistory(long cardId, List<PastAnswer> answers) {}

    /**
     * What became of one card's history: the log id of each answer in order, or null for one refused because the card's
     * log already holds a later answer (the log only grows forward in time), and the card's memory afterwards.
     */
    public record Written(long cardId, List<Long> reviewIds, Optional<Memory> memory) {}

    /** Appends several cards' histories in one transaction, while no answer can interleave. */
    public List<Written> append(List<CardHistory> histories) {
        return reviews.exclusively(() -> repository.inWriteTransaction(h -> {
            List<Written> written = new ArrayList<>();
            LearnerClock clock = learner.learnerClock();
            FsrsSettings settings = reviews.scheduler();
            for (CardHistory history : histories) {
                ReviewCard card = repository
                        .card(h, history.cardId())
                        .orElseThrow(() -> new IllegalArgumentException("there is no card " + history.cardId()));
                Schedule schedule = card.schedule();
                List<Long> ids = new ArrayList<>();
                for (PastAnswer answer : history.answers()) {
                    if (schedule.lastReview() != null && answer.at().isBefore(schedule.lastReview())) {
                        ids.add(null);
                        continue;
                    }
                    long elapsed = Reviews.elapsedDays(clock, schedule, answer.at());
                    long seed = Reviews.fuzzSeed(card.id(), schedule.reps());
                    Outcome outcome = Scheduler.answer(schedule, answer.rating(), answer.at(), elapsed, seed, settings);
                    ids.add(repository.append(
                            h,
                            card.id(),
                            answer.at(),
                            clock.dayKey(answer.at()).date(),
                            answer.rating(),
                            schedule.state().name(),
                            outcome,
                            elapsed,
                            seed,
                            answer.timeTaken().map(Duration::toMillis).orElse(null),
                            null));
                    schedule = outcome.schedule();
                }
                if (ids.stream().anyMatch(java.util.Objects::nonNull)) {
                    List<LoggedReview> log = repository.activeLog(h, card.id());
                    repository.saveSchedule(h, card.id(), Optional.of(log.get(log.size() - 1)));
                }
                written.add(new Written(card.id(), ids, memoryOf(schedule)));
            }
            return written;
        }));
    }

    /** Takes answers back out of the log (an undo is appended for each) and sets each card's schedule to what remains. */
    public void withdraw(java.util.Collection<Long> reviewIds) {
        if (reviewIds.isEmpty()) return;
        reviews.exclusively(() -> repository.inWriteTransaction(h -> {
            Instant now = learner.clock().instant();
            Map<Long, Boolean> cards = new LinkedHashMap<>();
            for (long id : reviewIds) {
                Optional<Long> card = repository.cardOfReview(h, id);
                if (card.isEmpty()) continue;
                repository.markUndone(h, id, now);
                cards.put(card.get(), true);
            }
            for (long cardId : cards.keySet()) {
                List<LoggedReview> log = repository.activeLog(h, cardId);
                repository.saveSchedule(
                        h, cardId, log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1)));
            }
            return null;
        }));
    }

    /** The card's memory as its schedule holds it now; empty while it is new. */
    public Optional<Memory> memory(long cardId) {
        return repository.card(cardId).flatMap(card -> memoryOf(card.schedule()));
    }

    /** The answers that count on a card, oldest first, for writing them back out (an export). */
    public List<LoggedReview> log(long cardId) {
        return repository.inTransaction(h -> repository.activeLog(h, cardId));
    }

    /** A schedule's memory; empty while the card is new. */
    public static Optional<Memory> memoryOf(Schedule schedule) {
        return schedule.state() instanceof CardState.New
                ? Optional.empty()
                : Optional.of(ReviewRepository.memoryOf(schedule.state()));
    }
}
