package dev.gradientdeck;

import java.nio.file.Path;
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
        Optional<String> password) {}
