package dev.gradientdeck.review;

import static dev.gradientdeck.review.Rating.AGAIN;
import static dev.gradientdeck.review.Rating.EASY;
import static dev.gradientdeck.review.Rating.GOOD;
import static dev.gradientdeck.review.Rating.HARD;
import static dev.gradientdeck.review.VectorsTest.memoryOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulerTest {
    private static final Instant NOW = Instant.parse("2022-11-29T12:30:00Z");
    private static final FsrsSettings NO_FUZZ = FsrsSettings.defaults().withFuzz(false);

    private static FsrsSettings steps(List<Duration> learning, List<Duration> relearning, FsrsSettings s) {
        return new FsrsSettings(
                s.weights(),
                s.desiredRetention(),
                learning,
                relearning,
                s.maximumIntervalDays(),
                s.shortTerm(),
                s.fuzz());
    }

    private static Schedule reviewCard(double stability, double difficulty, int reps, int lapses) {
        return new Schedule(
                new CardState.Review(new Memory(stability, difficulty)),
                NOW,
                NOW.minus(Duration.ofDays(5)),
                reps,
                lapses);
    }

    @Test
    void newCardFirstAnswers() {
        NextStates next = Scheduler.nextStates(Schedule.fresh(NOW), NOW, 0, 42, NO_FUZZ);

        assertStep(next.again(), Duration.ofMinutes(1));
        CardState.Learning again = (CardState.Learning) next.again().schedule().state();
        assertEquals(0, again.step());
        assertEquals(0.212, again.memory().stability(), 1e-12);
        assertEquals(6.4133, again.memory().difficulty(), 1e-12);
        assertEquals(Duration.ofSeconds(330), next.hard().interval(), "Hard at step 0: mean of 1 m and 10 m");
        assertInstanceOf(CardState.Learning.class, next.hard().schedule().state());
        assertEquals(0, ((CardState.Learning) next.hard().schedule().state()).step());
        assertEquals(Duration.ofMinutes(10), next.good().interval());
        assertEquals(1, ((CardState.Learning) next.good().schedule().state()).step());

        Outcome easy = next.easy();
        assertEquals("review", easy.schedule().state().name());
        assertEquals(8, easy.scheduledDays());
        assertEquals(8.0, easy.intervalDays());
        assertEquals(NOW.plus(Duration.ofDays(8)), easy.schedule().due());
        for (Rating rating : Rating.values()) {
            Schedule s = next.of(rating).schedule();
            assertEquals(1, s.reps());
            assertEquals(0, s.lapses());
            assertEquals(NOW, s.lastReview());
            assertEquals(next.of(rating).interval(), Duration.between(NOW, s.due()));
        }
    }

    @Test
    void learningStepFlow() {
        Schedule onSecondStep =
                Scheduler.answer(Schedule.fresh(NOW), GOOD, NOW, 0, 1, NO_FUZZ).schedule();
        Instant later = NOW.plus(Duration.ofMinutes(10));
        NextStates next = Scheduler.nextStates(onSecondStep, later, 0, 1, NO_FUZZ);

        assertEquals(0, ((CardState.Learning) next.again().schedule().state()).step(), "Again goes back to step 0");
        assertEquals(Duration.ofMinutes(1), next.again().interval());
        assertEquals(1, ((CardState.Learning) next.hard().schedule().state()).step(), "Hard stays on its step");
        assertEquals(Duration.ofMinutes(10), next.hard().interval());

        assertEquals("review", next.good().schedule().state().name(), "Good after the last step graduates");
        assertEquals(2, next.good().scheduledDays());
        assertEquals(later.plus(Duration.ofDays(2)), next.good().schedule().due());
        assertEquals(2.3065, memoryOf(next.good().schedule().state()).stability(), 1e-12);

        // Same-day Easy: S = 2.3065 · e^(w17·(1 + w18)) · 2.3065^-w19 = 3.946054, so 4 days.
        assertEquals("review", next.easy().schedule().state().name());
        assertEquals(3.946054068, memoryOf(next.easy().schedule().state()).stability(), 1e-8);
        assertEquals(4, next.easy().scheduledDays());
        assertEquals(2, next.easy().schedule().reps());
    }

    @Test
    void workedExampleThroughTheScheduler() {
        Schedule s =
                Scheduler.answer(Schedule.fresh(NOW), GOOD, NOW, 0, 9, NO_FUZZ).schedule();
        Instant second = NOW.plus(Duration.ofMinutes(10));
        s = Scheduler.answer(s, GOOD, second, 0, 9, NO_FUZZ).schedule();
        assertEquals(second.plus(Duration.ofDays(2)), s.due());
        Outcome third = Scheduler.answer(s, GOOD, s.due(), 2, 9, NO_FUZZ);
        assertEquals(11, third.scheduledDays());
        Memory memory = memoryOf(third.schedule().state());
        assertEquals(10.971048, memory.stability(), 1e-6);
        assertEquals(2.104331, memory.difficulty(), 1e-6);
        assertEquals(3, third.schedule().reps());
    }

    @Test
    void singleStepHardWaitsOneAndAHalfSteps() {
        FsrsSettings oneStep = steps(List.of(Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), NO_FUZZ);
        NextStates next = Scheduler.nextStates(Schedule.fresh(NOW), NOW, 0, 1, oneStep);
        assertEquals(Duration.ofMinutes(15), next.hard().interval());
        assertEquals("review", next.good().schedule().state().name(), "Good on the only step graduates");
        assertEquals(2, next.good().scheduledDays());
    }

    @Test
    void withoutLearningStepsEveryAnswerGraduates() {
        FsrsSettings none = steps(List.of(), List.of(), NO_FUZZ);
        NextStates next = Scheduler.nextStates(Schedule.fresh(NOW), NOW, 0, 1, none);
        long[] days = new long[4];
        for (Rating rating : Rating.values()) {
            assertEquals("review", next.of(rating).schedule().state().name(), rating.name());
            days[rating.value() - 1] = next.of(rating).scheduledDays();
        }
        assertEquals(List.of(1L, 1L, 2L, 8L), List.of(days[0], days[1], days[2], days[3]));
    }

    @Test
    void lapseGoesToRelearningAndCountsOnce() {
        Schedule review = reviewCard(20, 5, 6, 0);
        NextStates next = Scheduler.nextStates(review, NOW, 20, 1, NO_FUZZ);
        Schedule relearning = next.again().schedule();
        assertEquals(new CardState.Relearning(0, memoryOf(relearning.state())), relearning.state());
        assertEquals(1.943581190, memoryOf(relearning.state()).stability(), 1e-8);
        assertEquals(8.341762369, memoryOf(relearning.state()).difficulty(), 1e-8);
        assertEquals(Duration.ofMinutes(10), next.again().interval());
        assertEquals(1, relearning.lapses());
        assertEquals(7, relearning.reps());
        for (Rating pass : List.of(HARD, GOOD, EASY)) {
            assertEquals(0, next.of(pass).schedule().lapses());
        }

        Instant later = NOW.plus(Duration.ofMinutes(10));
        NextStates again = Scheduler.nextStates(relearning, later, 0, 1, NO_FUZZ);
        assertEquals(1, again.again().schedule().lapses(), "Again while relearning is not another lapse");
        assertEquals(
                new CardState.Relearning(0, memoryOf(again.again().schedule().state())),
                again.again().schedule().state());
        assertEquals(Duration.ofMinutes(15), again.hard().interval(), "1.5 x the only relearning step");
        assertEquals("relearning", again.hard().schedule().state().name());

        Outcome back = again.good();
        assertEquals("review", back.schedule().state().name());
        assertEquals(1.954788540, memoryOf(back.schedule().state()).stability(), 1e-8);
        assertEquals(2, back.scheduledDays());
        assertEquals(1, back.schedule().lapses());
        assertEquals(8, back.schedule().reps());
    }

    @Test
    void withoutRelearningStepsALapseStaysInReview() {
        FsrsSettings none = steps(NO_FUZZ.learningSteps(), List.of(), NO_FUZZ);
        Outcome again = Scheduler.answer(reviewCard(20, 5, 3, 2), AGAIN, NOW, 20, 1, none);
        assertEquals("review", again.schedule().state().name());
        assertEquals(2, again.scheduledDays());
        assertEquals(3, again.schedule().lapses());
    }

    @Test
    void reviewIntervalsWithoutFuzz() {
        NextStates next = Scheduler.nextStates(reviewCard(20, 5, 3, 0), NOW, 20, 1, NO_FUZZ);
        assertEquals(44, next.hard().scheduledDays());
        assertEquals(59, next.good().scheduledDays());
        assertEquals(94, next.easy().scheduledDays());
        assertEquals(NOW.plus(Duration.ofDays(59)), next.good().schedule().due());
    }

    @Test
    void orderingRuleSeparatesShortIntervals() {
        // Exact intervals 0.786, 0.976, 1.392 would all round to 1 day.
        NextStates next = Scheduler.nextStates(reviewCard(0.5, 10, 3, 0), NOW, 1, 1, NO_FUZZ);
        assertEquals(1, next.hard().scheduledDays());
        assertEquals(2, next.good().scheduledDays());
        assertEquals(3, next.easy().scheduledDays());
    }

    @Test
    void hardGoodEasyAlwaysIncreaseForReviewCards() {
        double[] stabilities = {0.001, 0.05, 0.3, 0.5, 1, 2, 3.3, 7, 12, 30, 90, 365, 1000, 5000};
        double[] difficulties = {1, 3, 5.5, 8, 10};
        long[] gaps = {0, 1, 3, 10, 100};
        int checked = 0;
        for (FsrsSettings settings : List.of(NO_FUZZ, FsrsSettings.defaults())) {
            for (double s : stabilities) {
                for (double d : difficulties) {
                    for (long t : gaps) {
                        for (long seed = 0; seed < 5; seed++) {
                            NextStates next =
                                    Scheduler.nextStates(reviewCard(s, d, 4, 0), NOW, t, seed * 7919, settings);
                            String at = "S=" + s + " D=" + d + " t=" + t + " seed=" + seed + " fuzz=" + settings.fuzz();
                            assertTrue(next.hard().scheduledDays() >= 1, at);
                            assertTrue(next.hard().scheduledDays() < next.good().scheduledDays(), at);
                            assertTrue(next.good().scheduledDays() < next.easy().scheduledDays(), at);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 14 * 5 * 5 * 5, checked);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.212, 1, 2.3065, 10, 100})
    void sameDayHardNeverLowersStabilityInAnyState(double s) {
        Memory memory = new Memory(s, 6);
        for (CardState state : List.of(
                new CardState.Learning(1, memory), new CardState.Review(memory), new CardState.Relearning(0, memory))) {
            Schedule current = new Schedule(state, NOW, NOW.minus(Duration.ofMinutes(5)), 3, 1);
            Outcome hard = Scheduler.answer(current, HARD, NOW, 0, 1, NO_FUZZ);
            assertTrue(memoryOf(hard.schedule().state()).stability() >= s, state.name() + " S=" + s);
        }
    }

    @Test
    void longGapReview() {
        NextStates next = Scheduler.nextStates(reviewCard(10, 5, 3, 0), NOW, 3650, 1, NO_FUZZ);
        assertEquals(107, next.hard().scheduledDays());
        assertEquals(172, next.good().scheduledDays());
        assertEquals(312, next.easy().scheduledDays());
        assertEquals(3.154459296, memoryOf(next.again().schedule().state()).stability(), 1e-8);
    }

    @Test
    void maximumIntervalClampsEveryButton() {
        NextStates atDefault = Scheduler.nextStates(reviewCard(30_000, 1, 9, 0), NOW, 30_000, 1, NO_FUZZ);
        assertEquals(36_500, atDefault.good().scheduledDays());
        assertEquals(36_500, atDefault.easy().scheduledDays());

        FsrsSettings capped = new FsrsSettings(
                NO_FUZZ.weights(), 0.9, NO_FUZZ.learningSteps(), NO_FUZZ.relearningSteps(), 100, true, false);
        NextStates next = Scheduler.nextStates(reviewCard(500, 5, 9, 0), NOW, 500, 1, capped);
        // The maximum wins over the ordering rule, as in Anki.
        assertEquals(
                List.of(100L, 100L, 100L),
                List.of(
                        next.hard().scheduledDays(),
                        next.good().scheduledDays(),
                        next.easy().scheduledDays()));

        // With fuzz, an interval over the cap is fuzzed down from it: delta(100) = 6.975, range [93, 100].
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            NextStates fuzzed = Scheduler.nextStates(reviewCard(500, 5, 9, 0), NOW, 500, seed, capped.withFuzz(true));
            for (Outcome o : List.of(fuzzed.hard(), fuzzed.good(), fuzzed.easy())) {
                assertTrue(o.scheduledDays() >= 93 && o.scheduledDays() <= 100, "got " + o.scheduledDays());
                seen.add(o.scheduledDays());
            }
        }
        assertEquals(Set.of(93L, 94L, 95L, 96L, 97L, 98L, 99L, 100L), seen);
    }

    @Test
    void fuzzIsDeterministicBoundedAndVariesWithTheSeed() {
        FsrsSettings fuzzy = FsrsSettings.defaults();
        Schedule card = reviewCard(20, 5, 3, 0);
        assertEquals(
                Scheduler.nextStates(card, NOW, 20, 4242, fuzzy), Scheduler.nextStates(card, NOW, 20, 4242, fuzzy));
        Set<Long> goods = new HashSet<>();
        for (long cardId = 1; cardId <= 300; cardId++) {
            NextStates next = Scheduler.nextStates(card, NOW, 20, cardId * 31 + 3, fuzzy);
            long hard = next.hard().scheduledDays();
            long good = next.good().scheduledDays();
            long easy = next.easy().scheduledDays();
            // Exact 43.60, 59.25, 93.51: ranges [39, 48], [54, 64], [87, 100].
            assertTrue(hard >= 39 && hard <= 48, "hard " + hard);
            assertTrue(good >= 54 && good <= 64, "good " + good);
            assertTrue(easy >= 87 && easy <= 100, "easy " + easy);
            assertEquals(NOW.plus(Duration.ofDays(good)), next.good().schedule().due());
            goods.add(good);
        }
        assertEquals(11, goods.size(), "every day of [54, 64] is used");
    }

    @Test
    void learningStepsAreNeverFuzzed() {
        NextStates next = Scheduler.nextStates(Schedule.fresh(NOW), NOW, 0, 77, FsrsSettings.defaults());
        assertEquals(Duration.ofMinutes(1), next.again().interval());
        assertEquals(Duration.ofSeconds(330), next.hard().interval());
        assertEquals(Duration.ofMinutes(10), next.good().interval());
        assertEquals(0, next.good().scheduledDays());
    }

    @Test
    void replayEqualsAnsweringOneByOne() {
        FsrsSettings settings = FsrsSettings.defaults();
        long cardId = 1234;
        Rating[] ratings = {GOOD, GOOD, GOOD, AGAIN, HARD, GOOD, EASY, GOOD, AGAIN, AGAIN, GOOD, GOOD};
        Schedule start = Schedule.fresh(NOW);
        Schedule stepwise = start;
        List<ReviewEvent> events = new ArrayList<>();
        Instant at = NOW;
        Instant lastReview = null;
        for (Rating rating : ratings) {
            long elapsed =
                    lastReview == null ? 0 : Duration.between(lastReview, at).toDays();
            long seed = cardId * 31 + stepwise.reps();
            events.add(new ReviewEvent(rating, at, elapsed, seed));
            stepwise = Scheduler.nextStates(stepwise, at, elapsed, seed, settings)
                    .of(rating)
                    .schedule();
            lastReview = at;
            at = stepwise.due();
        }
        assertEquals(stepwise, Scheduler.replay(events, start, settings));
        assertEquals(ratings.length, stepwise.reps());
        assertEquals(2, stepwise.lapses(), "two lapses from Review; Again while relearning is not one");
        assertEquals(start, Scheduler.replay(List.of(), start, settings));
    }

    @Test
    void replayAfterChangingSettingsReschedules() {
        List<ReviewEvent> events = List.of(
                new ReviewEvent(GOOD, NOW, 0, 1),
                new ReviewEvent(GOOD, NOW.plus(Duration.ofMinutes(10)), 0, 2),
                new ReviewEvent(GOOD, NOW.plus(Duration.ofDays(2)), 2, 3));
        Schedule at90 = Scheduler.replay(events, Schedule.fresh(NOW), NO_FUZZ);
        Schedule at80 = Scheduler.replay(events, Schedule.fresh(NOW), VectorsTest.withRetention(NO_FUZZ, 0.8));
        assertEquals(memoryOf(at90.state()), memoryOf(at80.state()), "retention changes intervals, not memory");
        assertEquals(NOW.plus(Duration.ofDays(2 + 11)), at90.due());
        assertNotEquals(at90.due(), at80.due());
    }

    @Test
    void rejectsNegativeElapsedDays() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Scheduler.nextStates(Schedule.fresh(NOW), NOW, -1, 0, NO_FUZZ));
        assertTrue(e.getMessage().contains("-1"));
    }

    private static void assertStep(Outcome outcome, Duration delay) {
        assertEquals(delay, outcome.interval());
        assertEquals(delay.toSeconds() / 86_400.0, outcome.intervalDays(), 1e-12);
        assertEquals(0, outcome.scheduledDays());
        assertEquals(NOW.plus(delay), outcome.schedule().due());
    }
}
