package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gradientdeck.AppCommandLine;
import dev.gradientdeck.RunningApp;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `backup` only reads: it works on a database in a folder nothing can be written to. */
class ReadOnlyBackupTest {
    @TempDir
    Path dir;

    static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void backupWorksFromAReadOnlyFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path db = folder.resolve("app.sqlite");
        try (RunningApp app = RunningApp.start(Files.createDirectories(dir.resolve("cards")), db, Clock.systemUTC())) {
            app.write("a.md", "# A\n# Question\nWhy?\n");
            app.send("POST", "/api/import", null);
            assertEquals(
                    201,
                    app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}").statusCode());
        }
        Files.deleteIfExists(folder.resolve("app.sqlite.lock"));
        // Even root cannot create files in an immutable folder; without chattr (or the right to use it) there is
        // nothing to test.
        assumeTrue(run("chattr", "+i", folder.toString()), "chattr +i is not available here");
        try {
            assumeTrue(!run("touch", folder.resolve("probe").toString()), "the folder is still writable");
            StringWriter out = new StringWriter(), err = new StringWriter();
            Path copy = dir.resolve("copy.sqlite");
            int code = AppCommandLine.run(
                    new String[] {
                        "backup",
                        "--db",
                        db.toString(),
                        "--cards",
                        dir.resolve("cards").toString(),
                        copy.toString()
                    },
                    out,
                    err);
            assertEquals(0, code, err.toString());
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                    var rs = c.createStatement().executeQuery("SELECT count(*) FROM reviews")) {
                assertEquals(1, rs.getInt(1));
            }
        } finally {
            run("chattr", "-i", folder.toString());
        }
    }
}
