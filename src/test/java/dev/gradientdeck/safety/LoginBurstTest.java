package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.Server;
import dev.gradientdeck.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login limit holds under a parallel burst, across loopback addresses, and "next" takes no control characters. */
class LoginBurstTest {
    @TempDir
    Path dir;

    Server server;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("a.md"), "# A\n# Question\nWhy?\n");
        // Listening on every address so the same machine can come from 127.0.0.1, 127.0.0.2, ...
        server = Server.start(
                new Settings(
                        "0.0.0.0",
                        0,
                        dir.resolve("db.sqlite"),
                        deck,
                        ZoneId.of("UTC"),
                        4,
                        1,
                        10,
                        false,
                        Optional.of("correct horse")),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> login(String address, String password, String next) throws Exception {
        String form = "password=" + java.net.URLEncoder.encode(password, "UTF-8") + "&next="
                + java.net.URLEncoder.encode(next, "UTF-8");
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + address + ":" + server.port() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aParallelBurstOfGuessesGetsOnlyTheAllowedFive() throws Exception {
        List<CompletableFuture<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String address = "127.0.0." + (1 + i % 3);
            burst.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return login(address, "guess", "/").statusCode();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        int checked = 0;
        for (CompletableFuture<Integer> f : burst) if (f.get() == 401) checked++;
        System.out.printf("login burst: %d of 60 wrong guesses were checked%n", checked);
        assertTrue(checked <= 5, checked + " guesses were checked against a limit of 5 per 15 minutes");
        assertEquals(
                429,
                login("127.0.0.1", "correct horse", "/").statusCode(),
                "the limit must hold for the right password too");
        assertEquals(
                429,
                login("127.0.0.4", "correct horse", "/").statusCode(),
                "another loopback address has no fresh budget");
    }

    @Test
    void nextWithAControlCharacterIsRefused() throws Exception {
        for (String next : new String[] {"/\t/evil.example", "/cards\r", "/x\u0000y"}) {
            HttpResponse<String> ok = login("127.0.0.1", "correct horse", next);
            assertEquals(303, ok.statusCode());
            assertEquals("/", ok.headers().firstValue("Location").orElse(""), "next " + next.replace("\t", "\\t"));
        }
    }
}
