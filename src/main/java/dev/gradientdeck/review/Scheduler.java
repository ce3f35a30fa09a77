package dev.gradientdeck.review;

import static dev.gradientdeck.review.Rating.AGAIN;
import static dev.gradientdeck.review.Rating.EASY;
import static dev.gradientdeck.review.Rating.GOOD;
import static dev.gradientdeck.review.Rating.HARD;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers one question, as Anki's scheduler states do: given a card's schedule, what would each
 * rating lead to? The answer buttons show {@link #nextStates}, and the answer applies one of them,
 * so a label can never disagree with what happens.
 *
 * <p>{@code elapsedDays} is the caller's: whole days between the last review and now, counted the
 * Anki way in the learner's days. {@code fuzzSeed} is fixed per card and review (say
 * {@code cardId * 31 + reps}), so the same inputs always give the same interval.
 */
public final class Scheduler {
    private Scheduler() {}

    public static NextStates nextStates(
            Schedule current, Instant now, long elapsedDays, long fuzzSeed, FsrsSettings settings) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(settings, "settings");
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("elapsed days must not be negative, was " + elapsedDays);
        }
        Fsrs fsrs = new Fsrs(settings);
        Map<Rating, Memory> memories = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            memories.put(rating, memoryAfter(fsrs, current.state(), elapsedDays, rating));
        }
        Answer answer = new Answer(current, now, settings, fsrs, Fuzz.fraction(fuzzSeed), memories);
        CardState state = current.state();
        if (state instanceof CardState.Review) {
            return answer.fromReview();
        }
        if (state instanceof CardState.Learning learning) {
            return answer.fromSteps(settings.learningSteps(), learning.step(), false);
        }
        if (state instanceof CardState.Relearning relearning) {
            return answer.fromSteps(settings.relearningSteps(), relearning.step(), true);
        }
        return answer.fromSteps(settings.learningSteps(), 0, false);
    }

    /** The outcome of one answer: the matching entry of {@link #nextStates}. */
    public static Outcome answer(
            Schedule current, Rating rating, Instant now, long elapsedDays, long fuzzSeed, FsrsSettings settings) {
        return nextStates(current, now, elapsedDays, fuzzSeed, settings).of(rating);
    }

    /** Rebuilds a schedule by answering the logged events in order, starting from {@code start}. */
    public static Schedule replay(List<ReviewEvent> events, Schedule start, FsrsSettings settings) {
        Schedule schedule = start;
        for (ReviewEvent event : events) {
            schedule = answer(
                            schedule,
                            event.rating(),
                            event.reviewedAt(),
                            event.elapsedDays(),
                            event.fuzzSeed(),
                            settings)
                    .schedule();
        }
        return schedule;
    }

    private static Memory memoryAfter(Fsrs fsrs, CardState state, long elapsedDays, Rating rating) {
        if (state instanceof CardState.Learning learning) {
            return fsrs.nextMemory(learning.memory(), elapsedDays, rating);
        }
        if (state instanceof CardState.Review review) {
            return fsrs.nextMemory(review.memory(), elapsedDays, rating);
        }
        if (state instanceof CardState.Relearning relearning) {
            return fsrs.nextMemory(relearning.memory(), elapsedDays, rating);
        }
        return fsrs.initialMemory(rating);
    }

    /** One answer being worked out: the card, the moment, and the memory each rating leads to. */
    private record Answer(
            Schedule current,
            Instant now,
            FsrsSettings settings,
            Fsrs fsrs,
            double fuzzFraction,
            Map<Rating, Memory> memories) {

        NextStates fromReview() {
            // Anki's ordering rule: each pass button waits at least a day longer than the one before.
            long hard = reviewDays(HARD, 1);
            long good = reviewDays(GOOD, hard + 1);
            long easy = reviewDays(EASY, good + 1);
            return new NextStates(
                    lapse(),
                    review(HARD, hard, current.lapses()),
                    review(GOOD, good, current.lapses()),
                    review(EASY, easy, current.lapses()));
        }

        private Outcome lapse() {
            int lapses = current.lapses() + 1;
            List<Duration> steps = settings.relearningSteps();
            if (steps.isEmpty()) {
                return review(AGAIN, reviewDays(AGAIN, 1), lapses);
            }
            return onStep(new CardState.Relearning(0, memories.get(AGAIN)), steps.get(0), lapses);
        }

        NextStates fromSteps(List<Duration> steps, int step, boolean relearning) {
            int lapses = current.lapses();
            Outcome again = steps.isEmpty()
                    ? review(AGAIN, reviewDays(AGAIN, 1), lapses)
                    : onStep(stepState(0, AGAIN, relearning), steps.get(0), lapses);
            Outcome hard = hardDelay(steps, step)
                    .map(delay -> onStep(stepState(step, HARD, relearning), delay, lapses))
                    .orElseGet(() -> review(HARD, reviewDays(HARD, 1), lapses));
            long goodDays = reviewDays(GOOD, 1);
            Outcome good = step + 1 < steps.size()
                    ? onStep(stepState(step + 1, GOOD, relearning), steps.get(step + 1), lapses)
                    : review(GOOD, goodDays, lapses);
            // Anki: graduating with Easy waits at least a day longer than graduating with Good would.
            Outcome easy = review(EASY, reviewDays(EASY, goodDays + 1), lapses);
            return new NextStates(again, hard, good, easy);
        }

        /** Hard repeats the step; on the first step it sits halfway between Again and Good. */
        private static Optional<Duration> hardDelay(List<Duration> steps, int step) {
            if (step >= steps.size()) {
                return Optional.empty();
            }
            Duration delay = steps.get(step);
            if (step > 0) {
                return Optional.of(delay);
            }
            return Optional.of(
                    steps.size() > 1
                            ? delay.plus(steps.get(1)).dividedBy(2)
                            : delay.multipliedBy(3).dividedBy(2));
        }

        private CardState stepState(int step, Rating rating, boolean relearning) {
            Memory memory = memories.get(rating);
            return relearning ? new CardState.Relearning(step, memory) : new CardState.Learning(step, memory);
        }

        /** Whole days, at least {@code minimum}: fuzzed if the settings say so, else rounded. */
        private long reviewDays(Rating rating, long minimum) {
            double exact = fsrs.exactInterval(memories.get(rating).stability());
            long maximum = settings.maximumIntervalDays();
            if (settings.fuzz()) {
                return Fuzz.apply(exact, minimum, maximum, fuzzFraction);
            }
            return Fsrs.clamp(Math.round(exact), Math.min(minimum, maximum), maximum);
        }

        private Outcome review(Rating rating, long days, int lapses) {
            Duration interval = Duration.ofDays(days);
            Schedule next = new Schedule(
                    new CardState.Review(memories.get(rating)), now.plus(interval), now, current.reps() + 1, lapses);
            return new Outcome(next, interval, days, days);
        }

        private Outcome onStep(CardState state, Duration delay, int lapses) {
            Schedule next = new Schedule(state, now.plus(delay), now, current.reps() + 1, lapses);
            return new Outcome(next, delay, delay.toMillis() / 86_400_000.0, 0);
        }
    }
}
