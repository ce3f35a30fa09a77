package dev.gradientdeck.settings;

import dev.gradientdeck.days.LearnerClock;

/** Fixed learner settings on a test's clock: goal 1, 10 new cards a day, FSRS's 0.9 retention. */
public final class TestSettings {
    private TestSettings() {}

    public static LearnerSettings.Source on(LearnerClock clock) {
        return on(clock, true, false);
    }

    public static LearnerSettings.Source on(LearnerClock clock, boolean fuzz, boolean paperPrompts) {
        return LearnerSettings.Source.fixed(
                new LearnerSettings(1, 10, clock.dayStartHour(), clock.zone(), 0.9, fuzz, paperPrompts), clock.clock());
    }
}
