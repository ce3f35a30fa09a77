package dev.gradientdeck.anki.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary folder for unpacking and staging, removed with everything in it when closed. */
public final class Scratch implements AutoCloseable {
    private final Path dir;

    private Scratch(Path dir) {
        this.dir = dir;
    }

    public static Scratch create(String prefix) throws IOException {
        return new Scratch(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return dir;
    }

    @Override
    public void close() {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder: the system cleans it up anyway.
        }
    }
}
