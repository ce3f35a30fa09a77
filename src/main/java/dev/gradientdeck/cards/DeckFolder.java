package dev.gradientdeck.cards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The deck folder on disk: which card files it holds, their bytes, and new files written into it. */
public final class DeckFolder {
    private final Path root;

    public DeckFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A markdown file under the deck, by its path relative to the deck folder with '/' separators. */
    public record CardFile(String path, Path file, long size, Instant modified) {
        /** Size and modification time: when both match what was stored, the file is unchanged and is not even read. */
        public String stamp() {
            return size + ":" + modified;
        }
    }

    public record Contents(byte[] bytes, String hash) {}

    public List<CardFile> cardFiles() {
        try (Stream<Path> walk = tree(root).stream()) {
            return walk.filter(p -> !isHidden(root.relativize(p)))
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .map(this::cardFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the deck folder " + root, e);
        }
    }

    /**
     * Every path under a folder. Unlike {@code Files.walk}, a file that vanishes while the tree is read (an editor's or an
     * import's temporary file, renamed away) is skipped instead of failing the whole listing.
     */
    static List<Path> tree(Path dir) throws IOException {
        List<Path> paths = new java.util.ArrayList<>();
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes attrs) {
                paths.add(d);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                paths.add(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException && !file.equals(dir)) return java.nio.file.FileVisitResult.CONTINUE;
                throw e;
            }
        });
        return paths;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private CardFile cardFile(Path file) {
        String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        try {
            var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return new CardFile(relative, file, attributes.size(), attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            return new CardFile(relative, file, -1, Instant.EPOCH);
        }
    }

    public Contents read(CardFile file) throws IOException {
        // Checked before reading so a huge file is never pulled into memory.
        if (file.size() > CardText.MAX_BYTES) {
            throw new IOException("the file is " + file.size() + " bytes; a card file may be at most 1 MB");
        }
        byte[] bytes = Files.readAllBytes(file.file());
        return new Contents(bytes, sha256(bytes));
    }

    /** Writes a new card file; refuses to replace one that exists. Returns the path relative to the deck folder. */
    public String create(String relativePath, String text) throws IOException {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) throw new IOException("'" + relativePath + "' is outside the deck folder");
        Files.createDirectories(target.getParent());
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(relativePath);
        }
        return root.relativize(target).toString().replace(java.io.File.separatorChar, '/');
    }

    /** A card file's bytes by its path in the deck, for the edit form. */
    public Contents read(String relativePath) throws IOException {
        Path target = inside(relativePath);
        if (Files.size(target) > CardText.MAX_BYTES) throw new IOException("the file is over 1 MB");
        byte[] bytes = Files.readAllBytes(target);
        return new Contents(bytes, sha256(bytes));
    }

    /** The file changed on disk after the learner opened it for editing; nothing was written. */
    public static final class ChangedOnDisk extends IOException {
        private final transient Optional<Contents> now;

        ChangedOnDisk(String relativePath, Optional<Contents> now) {
            super(relativePath + " changed on disk since it was opened");
            this.now = now;
        }

        /** The file as it is now; empty when it was deleted. */
        public Optional<Contents> now() {
            return now;
        }
    }

    /**
     * Replaces a card file with {@code text}, but only if it still holds what the learner opened ({@code openedHash}): an
     * editor or a sync tool that saved it meanwhile is never overwritten. The new text goes to a temporary file first and is
     * moved over the old one in one step, so the watcher never reads half a file. Check and move run under one lock, so two
     * saves from the app cannot both pass the check; an outside program writing in the microseconds between them could.
     */
    public synchronized void replace(String relativePath, String text, String openedHash) throws IOException {
        Path target = inside(relativePath);
        Optional<Contents> now = Files.exists(target) ? Optional.of(read(relativePath)) : Optional.empty();
        if (now.isEmpty() || !now.get().hash().equals(openedHash)) throw new ChangedOnDisk(relativePath, now);
        Path temporary = Files.createTempFile(target.getParent(), ".edit-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path inside(String relativePath) throws IOException {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) throw new IOException("'" + relativePath + "' is outside the deck folder");
        return target;
    }

    public boolean exists(String relativePath) {
        Path target = root.resolve(relativePath).normalize();
        return target.startsWith(root) && Files.exists(target);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
