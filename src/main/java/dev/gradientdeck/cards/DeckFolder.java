package dev.gradientdeck.cards;

import java.io.IOException;
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

    /** A folder or file under the deck that could not be read, with why; the rest of the deck is read as usual. */
    public record Unreadable(String path, String reason) {}

    /** What a walk of the deck found: its card files, and what it could not read. */
    public record Listing(List<CardFile> files, List<Unreadable> unreadable) {}

    public List<CardFile> cardFiles() {
        return listing().files();
    }

    public Listing listing() {
        Tree tree = walk(root);
        List<CardFile> files = tree.files().stream()
                .filter(p -> p.getFileName()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".md"))
                .filter(Files::isRegularFile)
                .sorted()
                .map(this::cardFile)
                .toList();
        return new Listing(
                files,
                tree.unreadable().stream()
                        .map(u -> new Unreadable(relative(u.getKey()), u.getValue()))
                        .toList());
    }

    /** Folders nested deeper than this are reported, not read: no real deck is this deep, and each level holds a handle open. */
    static final int MAX_DEPTH = 64;

    /** The readable folders and files under a folder, and what could not be read (path, reason). */
    record Tree(List<Path> folders, List<Path> files, List<java.util.Map.Entry<Path, String>> unreadable) {}

    /**
     * Every folder and file under {@code dir}, skipping hidden ones ('.git', '.obsidian', editor temporaries) and links that
     * lead outside it. Unlike {@code Files.walk}, a file that vanishes while the tree is read is skipped, and one that cannot
     * be read (permissions, nesting, a loop) is reported instead of failing the whole listing.
     */
    static Tree walk(Path dir) {
        List<Path> folders = new java.util.ArrayList<>();
        List<Path> files = new java.util.ArrayList<>();
        List<java.util.Map.Entry<Path, String>> unreadable = new java.util.ArrayList<>();
        Path realRoot;
        try {
            realRoot = dir.toRealPath();
        } catch (IOException e) {
            unreadable.add(java.util.Map.entry(dir, reason(e)));
            return new Tree(folders, files, unreadable);
        }
        try {
            Files.walkFileTree(
                    dir,
                    java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class),
                    MAX_DEPTH,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult preVisitDirectory(
                                Path d, java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (!d.equals(dir) && isHidden(d.getFileName()))
                                return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                            folders.add(d);
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFile(
                                Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (isHidden(file.getFileName())) return java.nio.file.FileVisitResult.CONTINUE;
                            if (attrs.isDirectory()) {
                                unreadable.add(
                                        java.util.Map.entry(file, "nested more than " + MAX_DEPTH + " folders deep"));
                            } else if (attrs.isSymbolicLink() && !leadsInside(file, realRoot)) {
                                unreadable.add(
                                        java.util.Map.entry(file, "it is a link that leads outside the deck folder"));
                            } else {
                                files.add(file);
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!(e instanceof java.nio.file.NoSuchFileException) || file.equals(dir))
                                unreadable.add(java.util.Map.entry(file, reason(e)));
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) {
                            // A folder that vanished or failed part way through: what was read of it is kept.
                            if (e != null && !(e instanceof java.nio.file.NoSuchFileException))
                                unreadable.add(java.util.Map.entry(d, reason(e)));
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            unreadable.add(java.util.Map.entry(dir, reason(e)));
        }
        return new Tree(folders, files, unreadable);
    }

    private static boolean leadsInside(Path link, Path realRoot) {
        try {
            return link.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "it does not exist";
        if (e instanceof java.nio.file.FileSystemLoopException) return "a folder link that loops back";
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Hidden files and folders ('.git', '.obsidian') and editor temporaries ('name~', '.#name', '.name.swp') are not the deck's. */
    static boolean isHidden(Path name) {
        String n = name == null ? "" : name.toString();
        return n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".tmp");
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.equals(root)) return root.toString();
        return root.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
    }

    private CardFile cardFile(Path file) {
        String relative = relative(file);
        try {
            var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return new CardFile(
                    relative,
                    file,
                    attributes.size(),
                    attributes.lastModifiedTime().toInstant());
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
        Path target = inside(relativePath);
        Files.createDirectories(target.getParent());
        inside(relativePath);
        try {
            Files.writeString(
                    target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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

    /**
     * The file a deck path names, refused when it lies outside the deck folder, also through a link: the file itself being
     * a link, or a folder on the way that links elsewhere, would read or write a file the learner never put in the deck.
     */
    private Path inside(String relativePath) throws IOException {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root))
            throw new IOException("'" + relativePath + "' is outside the deck folder");
        if (Files.isSymbolicLink(target) && !target.toRealPath().startsWith(root.toRealPath())) {
            throw new IOException("'" + relativePath + "' is a link that leads outside the deck folder");
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null && !existing.toRealPath().startsWith(root.toRealPath())) {
            throw new IOException("'" + relativePath + "' is in a folder that links outside the deck folder");
        }
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
