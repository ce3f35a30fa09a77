package dev.gradientdeck.practice.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The small English model ships only as an Android AAR (com.alphacephei:vosk-model-en), a zip whose
 * {@code assets/model-en-us/} folder is the model. Vosk loads a model from a folder, so the archive
 * is unpacked once into a cache folder.
 *
 * <p>Maven resolves the AAR but never puts it on the class path, so it is looked for in three
 * places: inside the app's own jar (the shade plugin merges the AAR's entries into it), in the
 * Maven repository the vosk jar was loaded from (tests and {@code exec:java}), and in the default
 * local repository.
 */
final class ModelArchive {

    static final String MODEL_ASSETS = "assets/model-en-us/";

    /** Keep in step with the vosk-model-en version in the pom. */
    private static final String AAR_IN_REPOSITORY = "com/alphacephei/vosk-model-en/0.3.45/vosk-model-en-0.3.45.aar";

    /**
     * The vosk jar sits at ROOT/com/alphacephei/vosk/VERSION/vosk-VERSION.jar: the repository root
     * is five levels up.
     */
    private static final int LEVELS_ABOVE_VOSK_JAR = 5;

    /** Told after each block written, so a page can show how far unpacking has come. */
    interface Progress {
        void unpacked(long bytesDone, long bytesTotal);
    }

    private ModelArchive() {}

    static Optional<Path> locate() {
        return Stream.of(appJar(), repositoryOfVoskJar(), userRepository())
                .flatMap(Optional::stream)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /**
     * Unpacks the model into {@code cacheDir/model-en-us-UUID} unless it is already there, and
     * returns that folder. The model's own uuid names the folder, so a newer model never reuses an
     * older one's files. Files are written to a temporary folder renamed into place at the end: a
     * crash half-way never leaves a folder that looks ready.
     */
    static Path unpack(Path archive, Path cacheDir, Progress progress) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Path target = cacheDir.resolve("model-en-us-" + modelId(zip, archive));
            List<? extends ZipEntry> files = zip.stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(MODEL_ASSETS))
                    .toList();
            long total = files.stream().mapToLong(ZipEntry::getSize).sum();
            if (Files.isDirectory(target)) {
                progress.unpacked(total, total);
                return target;
            }
            Files.createDirectories(cacheDir);
            Path partial = Files.createTempDirectory(cacheDir, ".unpacking-");
            try {
                long done = 0;
                for (ZipEntry entry : files) {
                    done = copy(
                            zip,
                            entry,
                            inside(partial, entry.getName().substring(MODEL_ASSETS.length())),
                            done,
                            total,
                            progress);
                }
                moveIntoPlace(partial, target);
            } finally {
                deleteIfLeft(partial);
            }
            return target;
        }
    }

    private static String modelId(ZipFile zip, Path archive) throws IOException {
        ZipEntry uuid = zip.getEntry(MODEL_ASSETS + "uuid");
        if (uuid == null) {
            throw new IOException(archive + " holds no " + MODEL_ASSETS + " model");
        }
        try (InputStream in = zip.getInputStream(uuid)) {
            String id = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
            if (!id.matches("[A-Za-z0-9-]{1,64}")) {
                throw new IOException("unexpected model uuid in " + archive + ": " + id);
            }
            return id;
        }
    }

    private static long copy(ZipFile zip, ZipEntry entry, Path file, long done, long total, Progress progress)
            throws IOException {
        Files.createDirectories(file.getParent());
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(entry);
                OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                done += n;
                progress.unpacked(done, total);
            }
        }
        return done;
    }

    /** Refuses entry names like "../x" that would write outside the folder. */
    private static Path inside(Path folder, String relative) throws IOException {
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder) || file.equals(folder)) {
            throw new IOException("refusing archive entry outside the model folder: " + relative);
        }
        return file;
    }

    /** If another process finished the same model first, its copy is kept and ours is dropped. */
    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException alreadyThere) {
            if (!Files.isDirectory(target)) {
                throw alreadyThere;
            }
        }
    }

    private static void deleteIfLeft(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The jar the model's files were merged into, when the app runs from a shaded jar. */
    private static Optional<Path> appJar() {
        URL url = ModelArchive.class.getClassLoader().getResource(MODEL_ASSETS + "uuid");
        if (url == null || !url.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        String path = url.getPath();
        int insideJar = path.indexOf("!/");
        return insideJar < 0 ? Optional.empty() : pathOf(path.substring(0, insideJar));
    }

    private static Optional<Path> repositoryOfVoskJar() {
        var source = org.vosk.Model.class.getProtectionDomain().getCodeSource();
        Optional<Path> voskJar =
                source == null ? Optional.empty() : pathOf(source.getLocation().toString());
        return voskJar.map(jar -> ancestor(jar, LEVELS_ABOVE_VOSK_JAR)).map(root -> root.resolve(AAR_IN_REPOSITORY));
    }

    private static Path ancestor(Path path, int levels) {
        Path ancestor = path;
        for (int i = 0; i < levels && ancestor != null; i++) {
            ancestor = ancestor.getParent();
        }
        return ancestor;
    }

    private static Optional<Path> userRepository() {
        return Optional.of(
                Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(AAR_IN_REPOSITORY));
    }

    private static Optional<Path> pathOf(String fileUri) {
        try {
            return Optional.of(Path.of(URI.create(fileUri)));
        } catch (IllegalArgumentException | FileSystemNotFoundException notAFile) {
            return Optional.empty();
        }
    }
}
