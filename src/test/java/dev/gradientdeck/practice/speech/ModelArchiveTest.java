package dev.gradientdeck.practice.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {

    @TempDir
    Path temp;

    /** An archive laid out like the vosk-model-en AAR: Android files beside assets/model-en-us/. */
    private Path aar(Map<String, byte[]> entries) throws IOException {
        Path file = temp.resolve("model.aar");
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, byte[]> model(byte[] weights) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("AndroidManifest.xml", "<manifest/>".getBytes(StandardCharsets.US_ASCII));
        entries.put("assets/model-en-us/uuid", "1c2ff3e4-test\n".getBytes(StandardCharsets.US_ASCII));
        entries.put("assets/model-en-us/conf/model.conf", "--min-active=200\n".getBytes(StandardCharsets.US_ASCII));
        entries.put("assets/model-en-us/am/final.mdl", weights);
        return entries;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    void unpacksTheModelFolderOnceAndReportsProgress() throws IOException {
        byte[] weights = randomBytes(300_000);
        Path archive = aar(model(weights));
        Path cache = temp.resolve("models");
        List<long[]> progress = new ArrayList<>();

        Path folder = ModelArchive.unpack(archive, cache, (done, total) -> progress.add(new long[] {done, total}));

        assertEquals(cache.resolve("model-en-us-1c2ff3e4-test"), folder);
        assertArrayEquals(weights, Files.readAllBytes(folder.resolve("am/final.mdl")));
        assertEquals("--min-active=200\n", Files.readString(folder.resolve("conf/model.conf")));
        assertFalse(Files.exists(folder.resolve("AndroidManifest.xml")));
        long total = 14 + 17 + weights.length;
        assertArrayEquals(new long[] {total, total}, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0]);
        }
        assertTrue(progress.size() > 2, "progress is reported while copying, not only at the end");
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(folder), left.toList(), "no temporary folder is left behind");
        }

        Files.writeString(folder.resolve("conf/model.conf"), "kept");
        assertEquals(folder, ModelArchive.unpack(archive, cache, (done, totalBytes) -> {}));
        assertEquals(
                "kept", Files.readString(folder.resolve("conf/model.conf")), "a ready folder is not unpacked again");
    }

    @Test
    void refusesEntriesThatWouldEscapeTheFolder() throws IOException {
        Map<String, byte[]> entries = model(randomBytes(10));
        entries.put("assets/model-en-us/../../../escaped", new byte[] {1});
        Path cache = temp.resolve("models");

        assertThrows(IOException.class, () -> ModelArchive.unpack(aar(entries), cache, (done, total) -> {}));
        assertFalse(Files.exists(temp.resolve("escaped")));
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(), left.toList(), "a failed unpacking leaves nothing that looks ready");
        }
    }

    @Test
    void anArchiveWithoutTheModelIsRefused() throws IOException {
        Path archive = aar(Map.of("classes.jar", new byte[0]));
        IOException refusal = assertThrows(
                IOException.class, () -> ModelArchive.unpack(archive, temp.resolve("models"), (done, total) -> {}));
        assertTrue(refusal.getMessage().contains("model-en-us"), refusal.getMessage());
    }
}
