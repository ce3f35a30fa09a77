package dev.gradientdeck.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradientdeck.RunningApp;
import dev.gradientdeck.db.Backups;
import dev.gradientdeck.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups are consistent while the app runs, restores are checked first, and a newer database is refused untouched. */
class BackupTest {
    @TempDir
    Path dir;

    static int reviews(Path db) throws Exception {
        try (Database database = Database.open(db)) {
            return database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM reviews")
                            .mapTo(Integer.class)
                            .one());
        }
    }

    @Test
    void aBackupWhileRunningRestoresExactly() throws Exception {
        Path copy = dir.resolve("copies/backup.sqlite");
        try (RunningApp app = RunningApp.start(dir, Clock.systemUTC())) {
            app.write("a.md", "# A\n# Question\nWhy?\n");
            app.send("POST", "/api/import", null);
            app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}");
            app.send("POST", "/api/cards/1/reviews", "{\"rating\": 3}");
            try (Database live = Database.open(app.database)) {
                Backups.write(live.jdbi(), copy);
            }
            app.send("POST", "/api/cards/1/reviews", "{\"rating\": 1}");
        }
        assertEquals(3, reviews(dir.resolve("app.sqlite")));
        assertEquals(2, reviews(copy));
        assertThrows(
                IOException.class,
                () -> {
                    try (Database db = Database.open(dir.resolve("app.sqlite"))) {
                        Backups.write(db.jdbi(), copy);
                    }
                },
                "an existing file is never overwritten");

        var saved = Backups.restore(copy, dir.resolve("app.sqlite"));
        assertEquals(2, reviews(dir.resolve("app.sqlite")));
        assertEquals(3, reviews(saved.orElseThrow()), "the replaced database is kept");
    }

    @Test
    void restoreRefusesWhatIsNotAGoodBackup() throws Exception {
        Path db = dir.resolve("app.sqlite");
        Database.open(db).close();
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a database at all, just words");
        assertTrue(assertThrows(IOException.class, () -> Backups.restore(text, db))
                .getMessage()
                .contains("is not an SQLite database"));

        Path foreign = dir.resolve("foreign.sqlite");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
                var s = c.createStatement()) {
            s.execute("CREATE TABLE other (x)");
        }
        assertTrue(assertThrows(IOException.class, () -> Backups.restore(foreign, db))
                .getMessage()
                .contains("not a Gradient Deck database"));

        Path damaged = dir.resolve("damaged.sqlite");
        Files.copy(db, damaged);
        byte[] bytes = Files.readAllBytes(damaged);
        for (int i = 4096; i < Math.min(bytes.length, 12288); i++) bytes[i] = (byte) 0x5A;
        Files.write(damaged, bytes);
        assertThrows(IOException.class, () -> Backups.restore(damaged, db));
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path db = dir.resolve("newer.sqlite");
        Database.open(db).close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement()) {
            s.execute(
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                            + "installed_on, execution_time, success) VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'x', "
                            + "'2030-01-01 00:00:00.000', 1, 1)");
        }
        byte[] before = Files.readAllBytes(db);
        Database.NewerDatabaseException refused =
                assertThrows(Database.NewerDatabaseException.class, () -> Database.open(db));
        assertTrue(refused.getMessage().contains("newer Gradient Deck"), refused.getMessage());
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(db)));
        assertThrows(IOException.class, () -> Backups.restore(db, dir.resolve("other.sqlite")));
    }

    @Test
    void dailyBackupsKeepTheLastSeven() throws Exception {
        Path db = dir.resolve("app.sqlite");
        try (Database database = Database.open(db)) {
            LocalDate day = LocalDate.of(2026, 11, 1);
            for (int i = 0; i < 10; i++)
                assertTrue(
                        Backups.dailyIfDue(database.jdbi(), db, day.plusDays(i)).isPresent());
            assertTrue(Backups.dailyIfDue(database.jdbi(), db, day.plusDays(9)).isEmpty(), "one a day");
        }
        try (var files = Files.list(Backups.dailyFolder(db))) {
            var names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(7, names.size());
            assertEquals("gradient-deck-2026-11-04.sqlite", names.get(0));
        }
    }
}
