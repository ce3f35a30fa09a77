package dev.gradientdeck.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.gradientdeck.App",
                "serve", "--port", String.valueOf(port), "--db", db.toString(), "--cards", deck.toString(), "--zone", "UTC", "--fuzz", "false");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile());
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stats")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return process;
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
        for (int i = 0; i < 20; i++) Files.writeString(deck.resolve("c" + i + ".md"), "# C" + i + "\n# Question\nQ" + i + "?\n");
        Path db = dir.resolve("kill.sqlite");
        int port = freePort();
        Process server = startServer(deck, db, port);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread client = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            int n = 0;
            while (!stop.get()) {
                String requestId = "kill-" + n;
                String body = "{\"rating\": " + (1 + n % 4) + ", \"requestId\": \"" + requestId + "\"}";
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cards/" + (1 + n % 20) + "/reviews"))
                            .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
        assertTrue(acknowledged.size() > 50, "only " + acknowledged.size() + " reviews were acknowledged before the kill");

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
            List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
            assertTrue(lost.isEmpty(), lost.size() + " acknowledged reviews were lost, e.g. " + lost.stream().limit(5).toList());
            System.out.printf("kill test: %d reviews acknowledged, %d stored, 0 lost%n", acknowledged.size(), stored.size());
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }
}
