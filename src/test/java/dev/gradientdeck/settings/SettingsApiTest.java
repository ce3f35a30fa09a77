package dev.gradientdeck.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.RunningApp;
import dev.gradientdeck.Settings;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's settings over the API and the page: stored in the database, above the command line, in force at once. */
class SettingsApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** 02:00 UTC: before the 4 o'clock day start in UTC, after it in Tokyo (11:00). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    Path deck;
    RunningApp app;

    @BeforeEach
    void start() throws Exception {
        deck = Files.createDirectories(dir.resolve("cards"));
        for (String name : new String[] {"a", "b", "c"}) {
            Files.writeString(
                    deck.resolve(name + ".md"),
                    "# Card " + name + "\n# Question\nWhat is " + name + "?\n# Answer\nIt is " + name + ".\n");
        }
        app = RunningApp.start(flags(2), CLOCK);
    }

    /** The command line of the tests, with a daily goal of {@code goal}. */
    Settings flags(int goal) {
        Settings d = RunningApp.defaults(deck, dir.resolve("app.sqlite"));
        return new Settings(
                d.host(),
                d.port(),
                d.database(),
                d.cards(),
                d.zone(),
                d.dayStartHour(),
                goal,
                d.newPerDay(),
                d.fuzz(),
                Optional.empty());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(app.get(path).body());
    }

    HttpResponse<String> put(String json) throws Exception {
        return app.send("PUT", "/api/settings", json);
    }

    @Test
    void theCommandLineGivesTheDefaults() throws Exception {
        JsonNode s = get("/api/settings");
        assertEquals(2, s.get("dailyGoal").asInt());
        assertEquals(10, s.get("newPerDay").asInt());
        assertEquals(4, s.get("dayStartsAt").asInt());
        assertEquals("UTC", s.get("zone").asText());
        assertEquals(0.9, s.get("desiredRetention").asDouble());
        assertEquals(false, s.get("fuzz").asBoolean());
        assertEquals(false, s.get("paperPrompts").asBoolean());
    }

    @Test
    void aSubsetChangesOnlyThoseFieldsAndCountsAtOnce() throws Exception {
        assertEquals(2, get("/api/stats").get("dailyGoal").asInt());
        assertEquals(
                "2026-11-20",
                get("/api/stats").get("today").asText(),
                "02:00 is still the day before with a 4 o'clock start");

        HttpResponse<String> response = put("{\"dailyGoal\": 5, \"zone\": \"Asia/Tokyo\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(5, JSON.readTree(response.body()).get("dailyGoal").asInt());
        JsonNode stats = get("/api/stats");
        assertEquals(5, stats.get("dailyGoal").asInt(), "the stats use the new goal at once");
        assertEquals("2026-11-21", stats.get("today").asText(), "11:00 in Tokyo is the 21st");
        assertEquals(10, get("/api/settings").get("newPerDay").asInt(), "fields not sent keep their values");

        put("{\"newPerDay\": 2}");
        assertEquals(2, get("/api/stats").get("newAvailable").asInt(), "the queue takes the new limit at once");
        put("{\"dayStartsAt\": 12, \"zone\": \"UTC\"}");
        assertEquals("2026-11-20", get("/api/stats").get("today").asText());
    }

    @Test
    void storedSettingsWinOverTheCommandLineAfterARestartAndNullGivesTheFlagBack() throws Exception {
        put("{\"dailyGoal\": 7}");
        app.close();
        app = RunningApp.start(flags(3), CLOCK);
        assertEquals(7, get("/api/settings").get("dailyGoal").asInt(), "the app's setting wins over --daily-goal 3");
        assertEquals(7, get("/api/stats").get("dailyGoal").asInt());
        assertTrue(app.get("/settings").body().contains("Set here; the app was started with 3."));

        put("{\"dailyGoal\": null}");
        assertEquals(3, get("/api/settings").get("dailyGoal").asInt(), "cleared, the flag counts again");
        assertTrue(app.get("/settings").body().contains("From the command line"));
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String[][] cases = {
            {"{\"dailyGoal\": 0}", "dailyGoal"},
            {"{\"dailyGoal\": 2.5}", "dailyGoal"},
            {"{\"dailyGoal\": \"5\"}", "dailyGoal"},
            {"{\"newPerDay\": -1}", "newPerDay"},
            {"{\"dayStartsAt\": 24}", "dayStartsAt"},
            {"{\"zone\": \"Mars/Olympus\"}", "zone"},
            {"{\"zone\": \"+02:00\"}", "zone"},
            {"{\"desiredRetention\": 1.5}", "desiredRetention"},
            {"{\"desiredRetention\": 0.5}", "desiredRetention"},
            {"{\"fuzz\": \"yes\"}", "fuzz"},
            {"{\"paperPrompts\": 1}", "paperPrompts"},
            {"{\"dailyGoal\": 4, \"zone\": \"Nowhere\"}", "zone"},
            {"{\"goal\": 4}", "goal"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = put(c[0]);
            assertEquals(400, response.statusCode(), c[0]);
            String error = JSON.readTree(response.body()).get("error").asText();
            assertTrue(error.contains(c[1]), c[0] + " -> " + error);
        }
        assertEquals(400, put("[1]").statusCode());
        assertEquals(400, put("{").statusCode());
        assertEquals(
                2,
                get("/api/settings").get("dailyGoal").asInt(),
                "a refused change stores nothing, not even its good fields");
        assertEquals("UTC", get("/api/settings").get("zone").asText());
    }

    @Test
    void desiredRetentionReachesTheScheduler() throws Exception {
        // Easy on a new card: the interval is where recall falls to the desired retention. Aiming lower waits longer.
        put("{\"desiredRetention\": 0.8}");
        JsonNode answered = JSON.readTree(
                app.send("POST", "/api/cards/1/reviews", "{\"rating\": 4}").body());
        assertTrue(answered.get("intervalDays").asInt() > 8, "8 days at 0.9; longer at 0.8: " + answered);
        put("{\"desiredRetention\": 0.95}");
        JsonNode second = JSON.readTree(
                app.send("POST", "/api/cards/2/reviews", "{\"rating\": 4}").body());
        assertTrue(second.get("intervalDays").asInt() < 8, "shorter at 0.95: " + second);
    }

    @Test
    void theFormKeepsWhatWasTypedAndShowsTheErrorByItsField() throws Exception {
        HttpResponse<String> refused = app.postForm(
                "/settings",
                "dailyGoal=abc&newPerDay=12&dayStartsAt=4&zone=UTC&desiredRetention=0.9&fuzz=false&paperPrompts=false");
        assertEquals(400, refused.statusCode());
        String page = refused.body();
        assertTrue(page.contains("value=\"abc\""), "the typed value is kept");
        assertTrue(page.contains("value=\"12\""), "the other fields keep theirs");
        int field = page.indexOf("id=\"dailyGoal\"");
        int error = page.indexOf("'abc' is not a whole number.");
        assertTrue(field > 0 && error > field && error - field < 400, "the error sits right after its field");
        assertEquals(10, get("/api/settings").get("newPerDay").asInt(), "nothing was saved");

        HttpResponse<String> saved = app.postForm(
                "/settings",
                "dailyGoal=3&newPerDay=12&dayStartsAt=4&zone=Europe%2FLondon&desiredRetention=0.9&fuzz=false&fuzz=true&paperPrompts=false");
        assertEquals(303, saved.statusCode());
        JsonNode s = get("/api/settings");
        assertEquals(3, s.get("dailyGoal").asInt());
        assertEquals(ZoneId.of("Europe/London").getId(), s.get("zone").asText());
        assertEquals(true, s.get("fuzz").asBoolean(), "a ticked box sends true after its hidden false");
    }
}
