package dev.gradientdeck.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app unpacks the 68 MB speech model into {@code models/} beside its database. Tests start apps
 * over temporary databases, so each would unpack it again: they link that folder to one cache per
 * build instead (the one {@link TranscriberTest} fills).
 */
public final class SharedSpeechModel {

    private static final Path CACHE = Path.of("target", "practice-models").toAbsolutePath();

    private SharedSpeechModel() {}

    /** Makes {@code databaseFolder/models} the build's shared model cache. */
    public static void linkInto(Path databaseFolder) throws IOException {
        Files.createDirectories(CACHE);
        Files.createDirectories(databaseFolder);
        Files.createSymbolicLink(databaseFolder.resolve("models"), CACHE);
    }
}
