package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a card's file in the app: written back, checked first, and never over a file that changed on disk meanwhile. */
class CardEditTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORIGINAL = "# Adam\n# Question\nWhat does Adam keep?\n# Answer\nTwo moving averages.\n";

    @TempDir
    Path dir;

    RunningApp app;
    Path file;

    @BeforeEach
    void start() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards/ml"));
        file = deck.resolve("adam.md");
        Files.writeString(file, ORIGINAL);
        app = RunningApp.start(dir.resolve("cards"), dir.resolve("app.sqlite"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static String openedHash(String form) {
        Matcher m = Pattern.compile("name=\"openedHash\" value=\"([0-9a-f]+)\"").matcher(form);
        assertTrue(m.find(), "the form remembers what it opened");
        return m.group(1);
    }

    HttpResponse<String> save(String text, String hash) throws Exception {
        return app.postForm(
                "/cards/1/edit", "openedHash=" + hash + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Test
    void savingWritesTheFileAndTheCardFollows() throws Exception {
        String form = app.get("/cards/1/edit").body();
        assertTrue(form.contains("Two moving averages."), "the form shows the file as it is");
        HttpResponse<String> saved =
                save(ORIGINAL.replace("Two moving averages.", "The first and second moments."), openedHash(form));
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(Files.readString(file).contains("The first and second moments."));
        assertEquals(
                "The first and second moments.",
                JSON.readTree(app.get("/api/cards/1").body()).get("answer").asText());
    }

    @Test
    void aFileChangedOnDiskMeanwhileIsNotOverwritten() throws Exception {
        String hash = openedHash(app.get("/cards/1/edit").body());
        String elsewhere = ORIGINAL.replace("Two moving averages.", "Saved from another editor.");
        Files.writeString(file, elsewhere);
        HttpResponse<String> refused = save(ORIGINAL.replace("Two moving averages.", "My edit in the app."), hash);
        assertEquals(409, refused.statusCode());
        assertEquals(elsewhere, Files.readString(file), "the other editor's text stays");
        assertTrue(refused.body().contains("changed on disk after you opened it"), "the form says so");
        assertTrue(refused.body().contains("My edit in the app."), "and keeps the learner's text");
        assertTrue(refused.body().contains("Saved from another editor."), "beside what the file holds now");
        // Saving again from that form is a choice made knowing both: it goes through.
        assertEquals(
                303,
                save(ORIGINAL.replace("Two moving averages.", "My edit in the app."), openedHash(refused.body()))
                        .statusCode());
        assertTrue(Files.readString(file).contains("My edit in the app."));
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        String hash = openedHash(app.get("/cards/1/edit").body());
        HttpResponse<String> refused = save("# Adam\n# Answer\nNo question here.\n", hash);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("field-error"), refused.body());
        assertEquals(ORIGINAL, Files.readString(file));
    }
}
