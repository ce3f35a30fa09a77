package dev.gradientdeck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** The real server on a free loopback port, over a temporary deck folder and a real SQLite file. */
public final class RunningApp implements AutoCloseable {
    public final Path deck;
    public final Path database;
    public final Server server;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningApp(Path deck, Path database, Server server) {
        this.deck = deck;
        this.database = database;
        this.server = server;
    }

    public static RunningApp start(Path dir, Clock clock) throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        return start(deck, dir.resolve("app.sqlite"), clock);
    }

    public static RunningApp start(Path deck, Path database, Clock clock) throws Exception {
        return start(defaults(deck, database), clock);
    }

    /** The command line the tests start with: zone UTC, day start 4, goal 1, 10 new cards a day, no fuzz. */
    public static Settings defaults(Path deck, Path database) {
        return new Settings("127.0.0.1", 0, database, deck, ZoneId.of("UTC"), 4, 1, 10, false, Optional.empty());
    }

    public static RunningApp start(Settings settings, Clock clock) throws Exception {
        return new RunningApp(settings.cards(), settings.database(), Server.start(settings, clock));
    }

    /** A form post as a browser on this page sends it; the answer's redirect is not followed. */
    public HttpResponse<String> postForm(String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient http() {
        return http;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public void write(String relativePath, String text) throws Exception {
        Path file = deck.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Override
    public void close() {
        server.close();
    }
}
