package dev.gradientdeck;

import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.settings.LearnerSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything the command line decides, checked before anything starts. The learner's settings among them (zone, day start,
 * goal, new cards, fuzz) are defaults: what the learner sets on the settings page wins.
 */
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
        Optional<String> password,
        Optional<java.net.URI> publicUrl) {

    public Settings(
            String host,
            int port,
            java.nio.file.Path database,
            java.nio.file.Path cards,
            ZoneId zone,
            int dayStartHour,
            int dailyGoal,
            int newPerDay,
            boolean fuzz,
            Optional<String> password) {
        this(host, port, database, cards, zone, dayStartHour, dailyGoal, newPerDay, fuzz, password, Optional.empty());
    }

    /** The host names the app answers to besides loopback ones: the --host name (when it is a name) and the --public-url's. */
    public java.util.Set<String> ownNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        names.add(host);
        publicUrl.map(java.net.URI::getHost).ifPresent(names::add);
        return names;
    }

    /** The learner's settings as the command line gives them; desired retention is FSRS's 0.9 and paper prompts are off. */
    public LearnerSettings learnerDefaults() {
        return new LearnerSettings(
                dailyGoal,
                newPerDay,
                dayStartHour,
                zone,
                FsrsSettings.defaults().desiredRetention(),
                fuzz,
                false);
    }
}
