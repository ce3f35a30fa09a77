package dev.gradientdeck.anki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradientdeck.RunningApp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever is wrong with an upload is named in a 4xx, and nothing is written. */
class AnkiBadInputTest {
    @TempDir
    Path dir;

    RunningApp app;
    AnkiClient anki;

    @BeforeEach
    void start() throws Exception {
        app = RunningApp.start(dir, Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
        anki = new AnkiClient(app);
        app.write("mine.md", "# Mine\n# Question\nStill here?\n# Answer\nYes.\n");
        app.send("POST", "/api/import", null);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String refused(String name, byte[] bytes, int status) throws Exception {
        HttpResponse<String> response = anki.upload(name, bytes);
        assertEquals(status, response.statusCode(), response.body());
        assertNothingWritten();
        return AnkiClient.JSON.readTree(response.body()).get("error").asText();
    }

    private void assertNothingWritten() throws Exception {
        assertFalse(Files.exists(app.deck.resolve("anki")));
        assertFalse(Files.exists(app.deck.resolve("media")));
        assertEquals(0, anki.count("SELECT count(*) FROM anki_imports"));
        assertEquals(1, anki.count("SELECT count(*) FROM cards"));
        assertEquals(0, anki.count("SELECT count(*) FROM reviews"));
    }

    @Test
    void aZipWithoutACollectionIsNotAnAnkiPackage() throws Exception {
        byte[] zip = Files.readAllBytes(
                AnkiFixtures.zip(dir.resolve("photos.zip"), Map.of("holiday.jpg", new byte[] {1, 2, 3})));
        String error = refused("photos.zip", zip, 400);
        assertTrue(error.contains("holds no collection") && error.contains("holiday.jpg"), error);
    }

    @Test
    void aTruncatedPackageIsRefused() throws Exception {
        byte[] whole = AnkiClient.resource("mixed-legacy-2.apkg");
        String error = refused("cut.apkg", Arrays.copyOf(whole, whole.length / 2), 400);
        assertTrue(error.contains("not a complete zip archive"), error);
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        String error = refused("notes.txt", "just some text".getBytes(StandardCharsets.UTF_8), 400);
        assertTrue(error.contains("not an Anki package"), error);
    }

    @Test
    void aCorruptCollectionIsNamed() throws Exception {
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        byte[] zip = Files.readAllBytes(AnkiFixtures.zip(
                dir.resolve("bad.apkg"), Map.of("collection.anki21", garbage, "media", "{}".getBytes())));
        String error = refused("bad.apkg", zip, 400);
        assertTrue(error.contains("collection.anki21") && error.contains("not a readable Anki database"), error);
    }

    @Test
    void aDamagedLatestCollectionIsNamed() throws Exception {
        byte[] zip = Files.readAllBytes(
                AnkiFixtures.zip(dir.resolve("bad.apkg"), Map.of("collection.anki21b", "not zstd".getBytes())));
        String error = refused("bad.apkg", zip, 400);
        assertTrue(error.contains("collection.anki21b"), error);
    }

    @Test
    void onlyTheUpdateAnkiStubIsRefused() throws Exception {
        byte[] zip = Files.readAllBytes(
                AnkiFixtures.zip(dir.resolve("stub.apkg"), Map.of("collection.anki2", AnkiFixtures.stubCollection())));
        String error = refused("stub.apkg", zip, 400);
        assertTrue(error.contains("please update"), error);
    }

    @Test
    void anEmptyUploadIsRefused() throws Exception {
        String error = refused("empty.apkg", new byte[0], 400);
        assertTrue(error.contains("empty"), error);
    }

    @Test
    void aZipBombEntryIsStoppedAtTheLimitNotTheHeader() throws Exception {
        // A small collection stays within bounds; a media entry of 300 MB of zeros (a few hundred KB zipped) does not.
        Path pkg = new AnkiFixtures()
                .note(1, AnkiFixtures.BASIC, 1, "", "Q", "A")
                .card(1, 1, 0, 0, "")
                .legacy(dir.resolve("bomb.apkg"), "collection.anki21");
        Path bomb = dir.resolve("bomb2.apkg");
        try (var in = new java.util.zip.ZipFile(pkg.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new java.util.zip.ZipEntry("collection.anki21"));
            out.write(in.getInputStream(in.getEntry("collection.anki21")).readAllBytes());
            out.putNextEntry(new java.util.zip.ZipEntry("media"));
            out.write("{\"0\": \"huge.bin\"}".getBytes());
            out.putNextEntry(new java.util.zip.ZipEntry("0"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) out.write(zeros);
        }
        assertTrue(Files.size(bomb) < 2_000_000);
        String error = refused("bomb.apkg", Files.readAllBytes(bomb), 400);
        assertTrue(error.contains("huge.bin") && error.contains("zip bomb"), error);
    }

    @Test
    void aPackageOverTheLimitIsA413BeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /api/import/anki?name=big.apkg HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                                    + "Content-Length: 300000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[4096]);
            out.flush();
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("The package is too large (286.1 MB): the limit is 200 MB"), response);
        }
        assertNothingWritten();
    }

    private static String readResponse(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException closed) {
                break;
            }
            if (n < 0) break;
            out.write(buffer, 0, n);
            if (out.toString(StandardCharsets.UTF_8).contains("limit is")) break;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMultipartUploadWorksLikeTheRawBody() throws Exception {
        byte[] pkg = AnkiClient.resource("testCollection.colpkg");
        String boundary = "gd-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"backup.colpkg\"\r\n"
                                + "Content-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pkg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.url("/api/import/anki")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = AnkiClient.JSON.readTree(response.body());
        assertEquals(7, report.get("cards").asInt());
        assertEquals(
                "backup.colpkg",
                AnkiClient.JSON
                        .readTree(app.get("/api/import/anki").body())
                        .get(0)
                        .get("fileName")
                        .asText());
    }

    @Test
    void aMultipartUploadWithoutTheFileFieldIsNamed() throws Exception {
        String boundary = "b";
        String body = "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.url("/api/import/anki")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("no field 'file'"), response.body());
        assertNothingWritten();
    }
}
