package dev.gradientdeck.anki.convert;

import dev.gradientdeck.anki.model.MemoryState;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.ReviewEvent;
import dev.gradientdeck.review.Schedule;
import dev.gradientdeck.review.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How far a replayed FSRS memory is from the one Anki stored: both stability and difficulty within 1 % counts as agreeing. */
public final class Agreement {
    public static final double TOLERANCE = 0.01;

    private Agreement() {}

    public static boolean within(Memory replayed, MemoryState anki) {
        return close(replayed.stability(), anki.stability()) && close(replayed.difficulty(), anki.difficulty());
    }

    private static boolean close(double replayed, double stored) {
        return Math.abs(replayed - stored) <= TOLERANCE * Math.abs(stored);
    }

    /** The memory a log leads to under given settings, counting elapsed days in the learner's days as the review log does. */
    public static Optional<Memory> replay(List<History.Answer> answers, FsrsSettings settings, LearnerClock clock) {
        if (answers.isEmpty()) return Optional.empty();
        List<ReviewEvent> events = new ArrayList<>();
        java.time.Instant last = null;
        for (History.Answer a : answers) {
            long elapsed = last == null ? 0 : Math.max(0, clock.dayKey(last).daysUntil(clock.dayKey(a.at())));
            events.add(new ReviewEvent(a.rating(), a.at(), elapsed, 0));
            last = a.at();
        }
        Schedule schedule =
                Scheduler.replay(events, Schedule.fresh(answers.get(0).at()), settings);
        return dev.gradientdeck.review.PastAnswers.memoryOf(schedule);
    }
}
