package dev.gradientdeck.scheduler;

import dev.gradientdeck.review.Reviews;
import dev.gradientdeck.settings.LearnerSettings.Field;
import dev.gradientdeck.settings.SettingsStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the scheduler's parameters change: the 21 weights (stored here, with every fit) and the desired retention
 * (a learner setting, kept by the settings store). A change of weights is stored and handed to the review loop in one step,
 * so the next answer uses it.
 */
public final class SchedulerParameters {
    private final SchedulerRepository store;
    private final Reviews reviews;
    private final SettingsStore settings;
    private final Clock clock;

    public SchedulerParameters(SchedulerRepository store, Reviews reviews, SettingsStore settings, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.settings = settings;
        this.clock = clock;
    }

    public SchedulerRepository.InUse inUse() {
        return store.inUse();
    }

    public double desiredRetention() {
        return settings.current().desiredRetention();
    }

    /** Sets the desired retention through the settings store, which checks it; a refused value names why. */
    public void useDesiredRetention(double retention) {
        var change = settings.update(Map.of(Field.DESIRED_RETENTION, Optional.of(Double.toString(retention))));
        if (!change.ok()) throw new IllegalArgumentException(change.problems().get(Field.DESIRED_RETENTION));
    }

    /** Uses a fit's weights (or the defaults, {@code fitId} null); memory states follow, due dates only if {@code reschedule}. */
    public synchronized SchedulerRepository.InUse useWeights(
            List<Double> weights, Long fitId, boolean reschedule, String note) {
        reviews.switchWeights(weights, reschedule, () -> store.record(weights, fitId, note, clock.instant()));
        return store.inUse();
    }
}
