package dev.gradientdeck.scheduler;

import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Reviews;

import java.time.Clock;
import java.util.List;

/**
 * The one place the scheduler's parameters change: the 21 weights and the desired retention. Every change is stored and
 * handed to the review loop in one step, so the next answer uses it; the settings page can call
 * {@link #useDesiredRetention} too.
 */
public final class SchedulerParameters {
    /** The retentions a learner may pick: below 70 % too much is forgotten, above 97 % the workload explodes. */
    public static final double LOWEST_RETENTION = 0.70;
    public static final double HIGHEST_RETENTION = 0.97;

    private final SchedulerRepository store;
    private final Reviews reviews;
    private final Clock clock;

    public SchedulerParameters(SchedulerRepository store, Reviews reviews, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.clock = clock;
    }

    public SchedulerRepository.InUse inUse() {
        return store.inUse();
    }

    /** The review settings with the stored weights and retention: what the app starts the review loop with. */
    public static FsrsSettings applied(FsrsSettings base, SchedulerRepository.InUse inUse) {
        return new FsrsSettings(inUse.weights(), inUse.desiredRetention(), base.learningSteps(), base.relearningSteps(),
                base.maximumIntervalDays(), base.shortTerm(), base.fuzz());
    }

    public synchronized SchedulerRepository.InUse useDesiredRetention(double retention) {
        checkRetention(retention);
        SchedulerRepository.InUse now = store.inUse();
        change(now.weights(), retention, now.fitId(), false, "desired retention " + Math.round(retention * 100) + " %");
        return store.inUse();
    }

    /** Uses a fit's weights (or the defaults, {@code fitId} null); memory states follow, due dates only if {@code reschedule}. */
    public synchronized SchedulerRepository.InUse useWeights(List<Double> weights, Long fitId, boolean reschedule, String note) {
        change(weights, store.inUse().desiredRetention(), fitId, reschedule, note);
        return store.inUse();
    }

    public static void checkRetention(double retention) {
        if (!(retention >= LOWEST_RETENTION - 1e-9 && retention <= HIGHEST_RETENTION + 1e-9)) {
            throw new IllegalArgumentException("desired retention must be between 0.70 and 0.97, was " + retention);
        }
    }

    private void change(List<Double> weights, double retention, Long fitId, boolean reschedule, String note) {
        FsrsSettings next = applied(reviews.settings(), new SchedulerRepository.InUse(weights, retention, fitId, null, note));
        reviews.switchSettings(next, reschedule, () -> store.record(weights, retention, fitId, note, clock.instant()));
    }
}
