package dev.gradientdeck.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart with the same migrations skips Flyway's validation; anything else about the schema makes Flyway run and judge. */
class MigrationStampTest {
    @TempDir
    Path dir;

    private void sql(Path db, String statement) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aRestartWithTheSameMigrationsDoesNotValidateAgain() throws Exception {
        Path db = dir.resolve("app.sqlite");
        Database.open(db).close();
        // A checksum Flyway would refuse: only a start that skips validation opens this database.
        sql(db, "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");
        assertDoesNotThrow(() -> Database.open(db).close());

        // Without the stamp (a database from before stamps, or migrated by another build) Flyway validates again.
        sql(db, "DELETE FROM schema_stamp");
        assertThrows(FlywayValidateException.class, () -> Database.open(db));
    }

    @Test
    void theStampNamesEveryMigrationFile() throws Exception {
        Path db = dir.resolve("app.sqlite");
        Database.open(db).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT migrations FROM schema_stamp")) {
            rs.next();
            assertEquals(
                    MigrationStamp.ofThisBuild(),
                    rs.getString(1).substring(0, rs.getString(1).indexOf('|')));
        }
    }
}
