package dev.gradientdeck.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The WAV files of spoken answers, in a {@code recordings/} folder beside the database. The
 * database stores each file's path relative to its own folder, so moving the database together with
 * its folder keeps them found.
 */
public final class Recordings {

    static final String FOLDER = "recordings";

    private final Path base;
    private final Path folder;

    public Recordings(Path databaseFolder) {
        this.base = databaseFolder.toAbsolutePath().normalize();
        this.folder = base.resolve(FOLDER);
    }

    /**
     * Writes the audio and returns its stored path. The file is written under a temporary name and
     * renamed, so a crash never leaves half a recording under a real name.
     */
    public String store(byte[] wav, LocalDate day) throws IOException {
        Files.createDirectories(folder);
        String name = day + "-" + UUID.randomUUID() + ".wav";
        Path partial = Files.createTempFile(folder, ".saving-", ".wav");
        try {
            Files.write(partial, wav);
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return FOLDER + "/" + name;
    }

    /**
     * Moves an uploaded file in among the recordings and returns its stored path. The upload is
     * copied under a temporary name first when it lives on another file system, so a crash never
     * leaves half a recording under a real name.
     */
    public String store(Path upload, LocalDate day) throws IOException {
        Files.createDirectories(folder);
        String name = day + "-" + UUID.randomUUID() + ".wav";
        Path partial = Files.createTempFile(folder, ".saving-", ".wav");
        try {
            Files.copy(upload, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return FOLDER + "/" + name;
    }

    /** The file of a stored path; a path leading outside the recordings folder is refused. */
    public Path file(String storedPath) {
        Path file = base.resolve(storedPath).normalize();
        if (!file.startsWith(folder)) {
            throw new IllegalArgumentException("not a path inside " + folder + ": " + storedPath);
        }
        return file;
    }

    public byte[] read(String storedPath) throws IOException {
        return Files.readAllBytes(file(storedPath));
    }

    /**
     * Removes a recording whose attempt could not be stored, so no file is left without its row.
     */
    public void delete(String storedPath) throws IOException {
        Files.deleteIfExists(file(storedPath));
    }
}
