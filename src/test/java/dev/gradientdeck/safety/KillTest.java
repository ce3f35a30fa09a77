package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with SIGKILL while a client posts reviews as fast as it can. After a restart every review the
 * server acknowledged is there and the database passes its integrity check: an answer is committed before it is acknowledged.
 */
class KillTest {
    static final Duration POSTING = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Process startServer(Path deck, Path db, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gradientdeck.App",
                "serve",
                "--port",
                String.valueOf(port),
                "--db",
                db.toString(),
                "--cards",
                deck.toString(),
                "--zone",
                "UTC",
                "--fuzz",
                "false");
        builder.redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve("server-" + System.nanoTime() + ".log").toFile());
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stats"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start on port " + port);
    }

    @Test
    void everyAcknowledgedReviewSurvivesSigkill() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        for (int i = 0; i < 20; i++)
            Files.writeString(deck.resolve("c" + i + ".md"), "# C" + i + "\n# Question\nQ" + i + "?\n");
        Path db = dir.resolve("kill.sqlite");
        int port = freePort();
        Process server = startServer(deck, db, port);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread client = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            int n = 0;
            while (!stop.get()) {
                String requestId = "kill-" + n;
                String body = "{\"rating\": " + (1 + n % 4) + ", \"requestId\": \"" + requestId + "\"}";
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port + "/api/cards/" + (1 + n % 20) + "/reviews"))
                                    .timeout(Duration.ofSeconds(2))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) acknowledged.add(requestId);
                } catch (IOException | InterruptedException e) {
                    if (stop.get()) return;
                }
                n++;
            }
        });
        client.start();
        Thread.sleep(POSTING.toMillis());
        server.destroyForcibly();
        server.waitFor();
        stop.set(true);
        client.join();
        assertTrue(
                acknowledged.size() > 50, "only " + acknowledged.size() + " reviews were acknowledged before the kill");

        Process restarted = startServer(deck, db, freePort());
        try {
            Set<String> stored = new HashSet<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
                try (ResultSet rs = s.executeQuery("SELECT request_id FROM reviews WHERE request_id IS NOT NULL")) {
                    while (rs.next()) stored.add(rs.getString(1));
                }
            }
            List<String> lost =
                    acknowledged.stream().filter(id -> !stored.contains(id)).toList();
            assertTrue(
                    lost.isEmpty(),
                    lost.size() + " acknowledged reviews were lost, e.g. "
                            + lost.stream().limit(5).toList());
            System.out.printf(
                    "kill test: %d reviews acknowledged, %d stored, 0 lost%n", acknowledged.size(), stored.size());
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    @Test
    void anImportOfFiveThousandFilesKilledMidwayLeavesTheDatabaseWhole() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("first.md"), "# First\n# Question\nQ?\n");
        Path db = dir.resolve("import-kill.sqlite");
        int port = freePort();
        Process server = startServer(deck, db, port);
        for (int i = 0; i < 5000; i++) {
            Files.writeString(
                    Files.createDirectories(deck.resolve("d" + (i % 50))).resolve("c" + i + ".md"),
                    "# Card " + i + "\n#Tags: #t" + (i % 7) + "\n# Question\nWhat is " + i + "?\n# Answer\nIt is $" + i
                            + "^2$.\n");
        }
        HttpClient http = HttpClient.newHttpClient();
        Thread importing = new Thread(() -> {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException killed) {
                // The server is killed under this request.
            }
        });
        importing.start();
        Thread.sleep(1500);
        server.destroyForcibly();
        server.waitFor();
        importing.join();

        int restartedPort = freePort();
        Process restarted = startServer(deck, db, restartedPort);
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            HttpResponse<String> sync = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restartedPort + "/api/import"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, sync.statusCode(), sync.body());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cards WHERE archived = 0")) {
                    rs.next();
                    assertEquals(5001, rs.getInt(1), "the import after the kill did not complete");
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM card_tags t JOIN cards c ON c.id = t.card_id WHERE c.archived = 0")) {
                    rs.next();
                    assertEquals(5000, rs.getInt(1), "each imported card has its tag");
                }
                try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                    assertTrue(!rs.next(), "a row points at nothing after the kill");
                }
            }
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }
}
