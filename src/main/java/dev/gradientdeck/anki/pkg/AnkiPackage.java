package dev.gradientdeck.anki.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import dev.gradientdeck.anki.model.Format;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An opened {@code .apkg} or {@code .colpkg}: the collection it carries (unpacked to a temporary SQLite file), its media map
 * and its media blobs. Which collection: {@code collection.anki21b}, else {@code collection.anki21}, else
 * {@code collection.anki2}, so the "please update Anki" stub newer packages also carry is never the one read.
 */
public final class AnkiPackage implements AutoCloseable {
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZipFile zip;
    private final Scratch workDir;
    private final Format format;
    private final Path collection;
    private final Map<String, String> media;
    private final PackageLimits limits;
    private long unpacked;

    private AnkiPackage(
            ZipFile zip,
            Scratch workDir,
            Format format,
            Path collection,
            Map<String, String> media,
            PackageLimits limits,
            long unpacked) {
        this.zip = zip;
        this.workDir = workDir;
        this.format = format;
        this.collection = collection;
        this.media = media;
        this.limits = limits;
        this.unpacked = unpacked;
    }

    public static AnkiPackage open(Path file, PackageLimits limits) throws MalformedPackage, IOException {
        long size = Files.size(file);
        if (size > limits.maxPackageBytes()) {
            throw new MalformedPackage(
                    "the package is " + megabytes(size) + "; the limit is " + megabytes(limits.maxPackageBytes()));
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new MalformedPackage(
                    size == 0
                            ? "the file is empty, not an Anki package"
                            : "not an Anki package: the file is not a complete zip archive (" + e.getMessage() + ")");
        }
        Scratch workDir = Scratch.create("gd-anki");
        try {
            if (zip.size() > limits.maxEntries()) {
                throw new MalformedPackage(
                        "the package holds " + zip.size() + " files; at most " + limits.maxEntries() + " are read");
            }
            Format format = chooseCollection(zip);
            Path collection = workDir.path().resolve("collection.sqlite");
            long unpacked;
            try (InputStream in = entry(zip, format.entry());
                    OutputStream out = Files.newOutputStream(collection)) {
                unpacked = copyBounded(
                        format == Format.ANKI21B ? zstd(in, format.entry()) : in,
                        out,
                        limits.maxCollectionBytes(),
                        format.entry());
            }
            Map<String, String> media = readMediaMap(zip);
            return new AnkiPackage(zip, workDir, format, collection, media, limits, unpacked);
        } catch (MalformedPackage | IOException | RuntimeException e) {
            zip.close();
            workDir.close();
            throw e;
        }
    }

    private static Format chooseCollection(ZipFile zip) throws MalformedPackage {
        for (Format format : Format.values()) {
            if (zip.getEntry(format.entry()) != null) return format;
        }
        List<String> names = Collections.list(zip.entries()).stream()
                .map(ZipEntry::getName)
                .limit(5)
                .toList();
        throw new MalformedPackage(
                "not an Anki package: the zip holds no collection (collection.anki21b, collection.anki21 or "
                        + "collection.anki2)"
                        + (names.isEmpty()
                                ? "; it is empty"
                                : "; it holds " + String.join(", ", names)
                                        + (zip.size() > names.size() ? ", ..." : "")));
    }

    public Format format() {
        return format;
    }

    /** The collection as a SQLite file on disk; it is deleted when the package is closed. */
    public Path collection() {
        return collection;
    }

    /** Media file names by their member name in the zip ("0", "1", ...). */
    public Map<String, String> media() {
        return media;
    }

    /**
     * One media file's bytes, decompressed when the package stored it with zstd, and bounded by the limits: the stream fails
     * with {@link MediaTooLarge} past them.
     */
    public InputStream openMedia(String member) throws IOException, MalformedPackage {
        ZipEntry entry = zip.getEntry(member);
        if (entry == null)
            throw new MalformedPackage("the media map names the file '" + member + "', which the zip does not hold");
        InputStream raw = new BufferedInputStream(zip.getInputStream(entry));
        raw.mark(4);
        byte[] head = raw.readNBytes(4);
        raw.reset();
        InputStream in = java.util.Arrays.equals(head, ZSTD_MAGIC) ? new ZstdInputStream(raw) : raw;
        long allowed = Math.min(limits.maxMediaFileBytes(), limits.maxTotalBytes() - unpacked);
        return new BoundedStream(in, allowed, media.getOrDefault(member, member), this);
    }

    void counted(long bytes) {
        unpacked += bytes;
    }

    private static Map<String, String> readMediaMap(ZipFile zip) throws IOException, MalformedPackage {
        ZipEntry entry = zip.getEntry("media");
        Map<String, String> map = new LinkedHashMap<>();
        if (entry == null) return map;
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(64 * 1024 * 1024 + 1);
        }
        if (bytes.length > 64 * 1024 * 1024) throw new MalformedPackage("the media map is larger than 64 MB");
        if (bytes.length >= 4 && java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 4), ZSTD_MAGIC)) {
            try (InputStream in = new ZstdInputStream(new java.io.ByteArrayInputStream(bytes))) {
                byte[] message = in.readNBytes(64 * 1024 * 1024 + 1);
                if (message.length > 64 * 1024 * 1024)
                    throw new MalformedPackage("the media map unpacks to more than 64 MB");
                return MediaMap.fromProtobuf(message);
            }
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) return map;
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) throw new MalformedPackage("the media map is not a JSON object");
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return map;
        } catch (JsonProcessingException e) {
            throw new MalformedPackage("the media map is neither JSON nor zstd-compressed protobuf");
        }
    }

    private static InputStream entry(ZipFile zip, String name) throws IOException {
        return new BufferedInputStream(zip.getInputStream(zip.getEntry(name)), 1 << 16);
    }

    private static InputStream zstd(InputStream in, String name) throws IOException, MalformedPackage {
        try {
            return new ZstdInputStream(in);
        } catch (IOException e) {
            throw new MalformedPackage(name + " is not zstd-compressed as the latest package layout requires");
        }
    }

    /** Copies at most {@code limit} bytes, failing when there are more: a zip's stated sizes are never trusted. */
    private static long copyBounded(InputStream in, OutputStream out, long limit, String name)
            throws IOException, MalformedPackage {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit)
                    throw new MalformedPackage(
                            name + " unpacks to more than " + megabytes(limit) + "; refused as a zip bomb");
                out.write(buffer, 0, n);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new MalformedPackage(name + " is damaged or cut off in the zip (" + e.getMessage() + ")");
        } catch (com.github.luben.zstd.ZstdIOException e) {
            throw new MalformedPackage(name + " is not valid zstd data (" + e.getMessage() + ")");
        }
        return total;
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Only a read handle: nothing can be lost by failing to close it.
        }
        workDir.close();
    }

    /** Thrown from a media stream that would unpack past the limits. */
    public static final class MediaTooLarge extends IOException {
        MediaTooLarge(String message) {
            super(message);
        }
    }

    private static final class BoundedStream extends java.io.FilterInputStream {
        private final long allowed;
        private final String name;
        private final AnkiPackage owner;
        private long read;

        BoundedStream(InputStream in, long allowed, String name, AnkiPackage owner) {
            super(in);
            this.allowed = allowed;
            this.name = name;
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                owner.counted(n);
                if (read > allowed)
                    throw new MediaTooLarge("the media file '" + name + "' unpacks to more than " + megabytes(allowed));
            }
            return n;
        }
    }
}
