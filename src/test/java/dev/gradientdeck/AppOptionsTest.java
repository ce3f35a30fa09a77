package dev.gradientdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppOptionsTest {
    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    Outcome refused(String... args) {
        Outcome outcome = run(args);
        assertEquals(2, outcome.exit(), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one clear line: " + outcome.err());
        return outcome;
    }

    @Test
    void badValuesStopWithOneLineAndExitCodeTwo() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        String db = dir.resolve("x.sqlite").toString();
        assertTrue(refused("import", "--cards", deck.toString(), "--db", db, "--zone", "Mars/Olympus")
                .err()
                .contains("--zone 'Mars/Olympus' is not a time zone"));
        assertTrue(refused("import", "--cards", deck.toString(), "--db", db, "--day-starts-at", "25")
                .err()
                .contains("--day-starts-at 25 is not an hour"));
        assertTrue(refused("import", "--cards", dir.resolve("missing").toString(), "--db", db)
                .err()
                .contains("is not a folder"));
        Path aFile = Files.writeString(dir.resolve("a-file.txt"), "not a folder");
        assertTrue(refused(
                        "import",
                        "--cards",
                        deck.toString(),
                        "--db",
                        aFile.resolve("x.sqlite").toString())
                .err()
                .contains("cannot be created"));
        assertTrue(refused("import", "--cards", deck.toString(), "--db", db, "--daily-goal", "zero")
                .err()
                .contains("--daily-goal"));
        assertTrue(refused("serve", "--cards", deck.toString(), "--db", db, "--host", "0.0.0.0")
                .err()
                .contains("--password"));
    }

    @Test
    void importPrintsTheReportAndExitsOneWhenAFileIsBroken() throws Exception {
        Path deck = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(deck.resolve("good.md"), "# Good\n# Question\nWhy?\n");
        String db = dir.resolve("x.sqlite").toString();
        Outcome clean = run("import", "--cards", deck.toString(), "--db", db);
        assertEquals(0, clean.exit(), clean.err());
        assertTrue(clean.out().startsWith("1 added, 0 updated, 0 unchanged"), clean.out());

        Files.writeString(deck.resolve("bad.md"), "# No question here\n");
        Outcome broken = run("import", "--cards", deck.toString(), "--db", db);
        assertEquals(1, broken.exit());
        assertTrue(broken.out().contains("bad.md:1: no question"), broken.out());
    }
}
