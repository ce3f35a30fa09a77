package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS rebinding: a page under a foreign name that resolves to 127.0.0.1 sends its own name as Host, and is refused. */
class HostHeaderTest {
    @TempDir
    Path dir;

    /** One raw HTTP/1.1 request with exactly the Host header given; returns the whole answer. */
    static String raw(int port, String method, String path, String host, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (body == null
                            ? ""
                            : "Content-Type: application/json\r\nContent-Length: "
                                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                    + "\r\n" + (body == null ? "" : body);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    @Test
    void foreignHostNamesAreRefusedBeforeAnyHandler() throws Exception {
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            app.write("secret.md", "# Secret\n# Question\nWhat is the secret?\n# Answer\nHidden.\n");
            app.send("POST", "/api/import", null);
            int port = app.server.port();

            String list = raw(port, "GET", "/api/cards", "rebound.attacker.example:" + port, null);
            assertEquals(421, status(list), list);
            assertFalse(list.contains("Secret"), "the card list leaked to a foreign host");
            assertTrue(
                    list.contains("rebound.attacker.example"),
                    "the refusal does not name the host it refused: " + list);
            assertEquals(421, status(raw(port, "GET", "/static/css/app.css", "rebound.attacker.example", null)));

            String review =
                    raw(port, "POST", "/api/cards/1/reviews", "rebound.attacker.example:" + port, "{\"rating\": 3}");
            assertEquals(421, status(review), review);
            assertTrue(
                    app.get("/api/cards/1").body().contains("\"reps\":0"), "a review from a foreign host was stored");

            for (String own :
                    new String[] {"127.0.0.1:" + port, "localhost:" + port, "localhost", "[::1]:" + port, "127.0.0.1"
                    }) {
                String answer = raw(port, "GET", "/api/cards", own, null);
                assertEquals(200, status(answer), own + ": " + answer);
            }
            assertEquals(1, Files.list(app.deck).count(), "nothing may have been written");
        }
    }
}
