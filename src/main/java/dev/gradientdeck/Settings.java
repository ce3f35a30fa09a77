package dev.gradientdeck;

import dev.gradientdeck.days.LearnerClock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** Everything the command line decides, checked before anything starts. */
public record Settings(
        String host,
        int port,
        Path database,
        Path cards,
        ZoneId zone,
        int dayStartHour,
        int dailyGoal,
        int newPerDay,
        boolean fuzz,
        Optional<String> password) {

    /** The learner's days as these settings define them, read off {@code clock}. */
    public LearnerClock learnerClock(Clock clock) {
        return new LearnerClock(clock, zone, dayStartHour);
    }
}
