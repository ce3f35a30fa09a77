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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --password, every page and API call sits behind a login with a strict session cookie and limited guesses. */
class LoginTest {
    @TempDir
    Path dir;

    Server server;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("a.md"), "# A\n# Question\nWhy?\n");
        server = Server.start(
                new Settings(
                        "127.0.0.1",
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

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String password, String next) throws Exception {
        String form = "password=" + java.net.URLEncoder.encode(password, "UTF-8") + "&next="
                + java.net.URLEncoder.encode(next, "UTF-8");
        return http.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAndApiNeedALogin() throws Exception {
        HttpResponse<String> page = get("/cards", null);
        assertEquals(303, page.statusCode());
        assertEquals(
                "/login?next=%2Fcards", page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> api = get("/api/cards", null);
        assertEquals(401, api.statusCode());
        assertTrue(api.body().contains("Log in first"));
        assertEquals(200, get("/login", null).statusCode());
        assertEquals(200, get("/static/css/app.css", null).statusCode(), "the login page's stylesheet is reachable");
    }

    @Test
    void theRightPasswordGivesAStrictSessionCookie() throws Exception {
        assertEquals(401, login("wrong", "/").statusCode());
        HttpResponse<String> ok = login("correct horse", "/cards");
        assertEquals(303, ok.statusCode());
        assertEquals("/cards", ok.headers().firstValue("Location").orElse(""));
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.split(";")[0];
        assertEquals(200, get("/api/cards", cookie).statusCode());
        assertEquals(200, get("/cards", cookie).statusCode());
        assertEquals(401, get("/api/cards", "gd_session=forged").statusCode());
    }

    @Test
    void nextNeverLeavesTheApp() throws Exception {
        assertEquals(
                "/",
                login("correct horse", "https://evil.example/")
                        .headers()
                        .firstValue("Location")
                        .orElse(""));
        assertEquals(
                "/",
                login("correct horse", "//evil.example/")
                        .headers()
                        .firstValue("Location")
                        .orElse(""));
    }

    @Test
    void failedLoginsAreRateLimited() throws Exception {
        for (int i = 0; i < 5; i++) assertEquals(401, login("guess " + i, "/").statusCode());
        HttpResponse<String> limited = login("correct horse", "/");
        assertEquals(429, limited.statusCode(), "even the right password waits once the limit is hit");
        assertTrue(limited.body().contains("Too many wrong passwords"));
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    }
}
