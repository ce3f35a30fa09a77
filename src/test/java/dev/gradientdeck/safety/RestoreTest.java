package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.AppCommandLine;
import dev.gradientdeck.RunningApp;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore or a second app on a database in use refuses with one line naming the running process; restores check the schema. */
class RestoreTest {
    @TempDir
    Path dir;

    record Ran(int code, String out, String err) {}

    static Ran run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = AppCommandLine.run(args, out, err);
        return new Ran(code, out.toString(), err.toString());
    }

    static int reviews(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM reviews")) {
            return rs.getInt(1);
        }
    }

    @Test
    void restoreAndASecondAppRefuseWhileTheAppRuns() throws Exception {
        Path copy = dir.resolve("copy.sqlite");
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            String db = app.database.toString(), deck = app.deck.toString();
            app.write("a.md", "# A\n# Question\nWhy?\n");
            app.send("POST", "/api/import", null);
            assertEquals(
                    201,
                    app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}").statusCode());
            assertEquals(
                    0,
                    run("backup", "--db", db, "--cards", deck, copy.toString()).code());
            assertEquals(
                    201,
                    app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}").statusCode());

            Ran restore = run("restore", "--db", db, "--cards", deck, copy.toString());
            assertEquals(2, restore.code(), "restore on a running app must refuse: " + restore);
            assertEquals(1, restore.err().strip().lines().count(), restore.err());
            assertTrue(restore.err().contains("pid " + ProcessHandle.current().pid()), restore.err());

            Ran second = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> run("serve", "--db", db, "--cards", deck, "--port", "0"),
                    "a second app started on the same database");
            assertEquals(2, second.code(), second.toString());
            assertTrue(second.err().contains("in use by a running Gradient Deck"), second.err());

            assertEquals(
                    201,
                    app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}").statusCode());
        }
        assertEquals(3, reviews(dir.resolve("app.sqlite")), "an acknowledged review was lost");
        Ran restore = run(
                "restore",
                "--db",
                dir.resolve("app.sqlite").toString(),
                "--cards",
                dir.resolve("cards").toString(),
                copy.toString());
        assertEquals(0, restore.code(), restore.toString());
        assertEquals(1, reviews(dir.resolve("app.sqlite")));
    }

    @Test
    void restoreChecksTheSchemaNotOnlyTableNames() throws Exception {
        Path good = dir.resolve("good.sqlite");
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            assertEquals(
                    0,
                    run("backup", "--db", app.database.toString(), "--cards", app.deck.toString(), good.toString())
                            .code());
        }
        Path dropped = Files.copy(good, dir.resolve("dropped.sqlite"));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dropped)) {
            c.createStatement().execute("DROP TABLE review_undos");
        }
        Path unknown = Files.copy(good, dir.resolve("unknown.sqlite"));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + unknown)) {
            c.createStatement()
                    .execute(
                            "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                                    + "installed_by, installed_on, execution_time, success) VALUES (99, '7', 'elsewhere', 'SQL', 'V7__elsewhere.sql', 0, 'x', "
                                    + "'2030-01-01 00:00:00.000', 1, 1)");
        }
        Path foreign = dir.resolve("foreign.sqlite");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
            c.createStatement().execute("CREATE TABLE cards (x)");
            c.createStatement().execute("CREATE TABLE flyway_schema_history (version TEXT, success INTEGER)");
            c.createStatement().execute("INSERT INTO flyway_schema_history VALUES ('1', 1)");
        }
        String db = dir.resolve("app.sqlite").toString(),
                deck = dir.resolve("cards").toString();
        byte[] before = Files.readAllBytes(dir.resolve("app.sqlite"));
        Ran r = run("restore", "--db", db, "--cards", deck, dropped.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("review_undos"), r.err());
        r = run("restore", "--db", db, "--cards", deck, unknown.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("version 7"), r.err());
        r = run("restore", "--db", db, "--cards", deck, foreign.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("cards."), r.err());
        assertEquals(
                java.util.Arrays.hashCode(before),
                java.util.Arrays.hashCode(Files.readAllBytes(dir.resolve("app.sqlite"))));
        assertEquals(
                0, run("restore", "--db", db, "--cards", deck, good.toString()).code());
    }
}
