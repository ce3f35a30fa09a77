package dev.gradientdeck.anki.apply;

import dev.gradientdeck.anki.convert.Names;
import dev.gradientdeck.anki.pkg.AnkiPackage;
import dev.gradientdeck.anki.pkg.MalformedPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A package's media, unpacked into a staging folder first (so a bad blob stops the import before anything is written), then
 * moved into the deck's {@code media/} folder. A file already there with the same bytes is shared; one with the same name
 * but other bytes is kept, and the new file gets the start of its hash in its name.
 */
final class MediaStaging {
    private record Staged(Path file, String target) {}

    private final Path mediaDir;
    private final Map<String, String> targets = new HashMap<>();
    private final List<Staged> toMove = new ArrayList<>();
    private int count;

    private MediaStaging(Path mediaDir) {
        this.mediaDir = mediaDir;
    }

    static MediaStaging stage(AnkiPackage pkg, Path stagingDir, Path mediaDir) throws IOException, MalformedPackage {
        MediaStaging staging = new MediaStaging(mediaDir);
        Map<String, String> hashOfTarget = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> entry : pkg.media().entrySet()) {
            Path staged = stagingDir.resolve("m" + n++);
            String hash;
            try (InputStream in = pkg.openMedia(entry.getKey());
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(staged), sha256())) {
                in.transferTo(out);
                hash = HexFormat.of()
                        .formatHex(((DigestOutputStream) out).getMessageDigest().digest());
            } catch (AnkiPackage.MediaTooLarge e) {
                throw new MalformedPackage(e.getMessage() + "; refused as a zip bomb");
            } catch (java.util.zip.ZipException e) {
                throw new MalformedPackage(
                        "the media file '" + entry.getValue() + "' is damaged in the zip (" + e.getMessage() + ")");
            }
            String target = Names.mediaFile(entry.getValue());
            String existing =
                    hashOfTarget.containsKey(target) ? hashOfTarget.get(target) : hashOnDisk(mediaDir.resolve(target));
            if (existing != null && !existing.equals(hash)) target = withHash(target, hash);
            if (!hash.equals(hashOfTarget.get(target)) && !hash.equals(hashOnDisk(mediaDir.resolve(target)))) {
                staging.toMove.add(new Staged(staged, target));
            }
            hashOfTarget.put(target, hash);
            staging.targets.put(entry.getValue(), target);
            staging.count++;
        }
        return staging;
    }

    /** How many media files the package held. */
    int count() {
        return count;
    }

    /** The URL a card uses for a media name its HTML refers to. */
    UnaryOperator<String> urls() {
        return name -> Names.mediaUrl(targets.getOrDefault(name, Names.mediaFile(name)));
    }

    /** Moves the staged files into the deck's media folder; returns how many were new there. */
    int commit() throws IOException {
        if (toMove.isEmpty()) return 0;
        Files.createDirectories(mediaDir);
        for (Staged s : toMove) Files.move(s.file(), mediaDir.resolve(s.target()), StandardCopyOption.REPLACE_EXISTING);
        return toMove.size();
    }

    private static String withHash(String name, String hash) {
        int dot = name.lastIndexOf('.');
        String suffix = "-" + hash.substring(0, 8);
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    }

    private static String hashOnDisk(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0; ) digest.update(buffer, 0, r);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
