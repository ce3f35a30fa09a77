package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 1 MB body limit holds for a chunked body, which states no length; a small chunked body still works. */
class ChunkedBodyTest {
    @TempDir
    Path dir;

    /** Posts {@code size} bytes of JSON in 64 KB chunks; returns the status line and the rest of the answer. */
    static String postChunked(int port, String path, byte[] json) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                    + "Transfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int at = 0; at < json.length; at += 65536) {
                        int n = Math.min(65536, json.length - at);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(json, at, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException refusedMidway) {
                    // The server may answer and close before the whole body is sent.
                }
            });
            writer.start();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder(in.readLine()).append('\n');
            for (String line; (line = in.readLine()) != null && answer.length() < 4000; ) {
                answer.append(line).append('\n');
                if (line.startsWith("{") || line.contains("</html>")) break;
            }
            writer.join(60_000);
            return answer.toString();
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            app.write("a.md", "# A\n# Question\nWhy?\n# Answer\nSo.\n");
            app.send("POST", "/api/import", null);
            StringBuilder big = new StringBuilder("{\"rating\": 3, \"requestId\": \"");
            while (big.length() < 4_000_000) big.append("xxxxxxxxxxxxxxxx");
            big.append("\"}");
            String answer = postChunked(
                    app.server.port(), "/api/cards/1/reviews", big.toString().getBytes(StandardCharsets.UTF_8));
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("larger than 1 MB"), answer);
            assertEquals(
                    0,
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(app.get("/api/cards/1").body())
                            .get("reps")
                            .asInt());

            String small = postChunked(
                    app.server.port(), "/api/cards/1/reviews", "{\"rating\": 3}".getBytes(StandardCharsets.UTF_8));
            assertTrue(small.startsWith("HTTP/1.1 201"), small);
        }
    }
}
