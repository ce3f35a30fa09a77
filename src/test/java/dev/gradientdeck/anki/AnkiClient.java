package dev.gradientdeck.anki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

/** Uploads packages to the running app and reads what it stored, straight from its SQLite file as a learner's tools could. */
final class AnkiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final RunningApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    AnkiClient(RunningApp app) {
        this.app = app;
    }

    static byte[] resource(String name) throws Exception {
        try (var in = AnkiClient.class.getResourceAsStream("/anki/" + name)) {
            return in.readAllBytes();
        }
    }

    HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(app.url("/api/import/anki?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode imported(String name, byte[] bytes) throws Exception {
        HttpResponse<String> response = upload(name, bytes);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    JsonNode imported(String resource) throws Exception {
        return imported(resource, resource(resource));
    }

    JsonNode imported(Path file) throws Exception {
        return imported(file.getFileName().toString(), Files.readAllBytes(file));
    }

    /** A form post from the app's own page (same origin), as the undo button sends it. */
    HttpResponse<String> formPost(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Origin", app.url(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long activeReviews() throws Exception {
        return count(
                "SELECT count(*) FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM review_undos u WHERE u.review_id = r.id)");
    }

    long cardFiles(String under) throws Exception {
        Path dir = app.deck.resolve(under);
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".md")).count();
        }
    }

    JsonNode cards(boolean archived) throws Exception {
        return JSON.readTree(
                app.get("/api/cards" + (archived ? "?archived=true" : "")).body());
    }

    JsonNode card(String slug) throws Exception {
        for (JsonNode c : cards(false)) {
            if (c.get("slug").asText().equals(slug))
                return JSON.readTree(
                        app.get("/api/cards/" + c.get("id").asLong()).body());
        }
        throw new AssertionError("no active card " + slug);
    }
}
