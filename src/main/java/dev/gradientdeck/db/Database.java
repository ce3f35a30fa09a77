package dev.gradientdeck.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The SQLite file behind the app: pooled connections, pragmas on every connection, migrations applied on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // sqlite-jdbc reads these driver properties as pragmas on every new connection.
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("synchronous", "NORMAL");
        // One writer at a time is SQLite's rule; a few readers beside it are enough for one learner.
        config.setMaximumPoolSize(4);
        config.setPoolName("gradient-deck");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            String stamp = MigrationStamp.ofThisBuild();
            if (!MigrationStamp.matches(dataSource, stamp)) {
                // No migration is ignored, so one this build does not know (a newer version's) fails validation before anything runs.
                Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).ignoreMigrationPatterns("").load().migrate();
                MigrationStamp.store(dataSource, stamp);
            }
        } catch (FlywayValidateException e) {
            dataSource.close();
            if (e.getMessage().contains("not resolved locally")) {
                throw new NewerDatabaseException(file + " was written by a newer Gradient Deck (this version knows schema "
                        + knownSchemaVersion() + "); open it with that version, it was left untouched");
            }
            throw e;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    static final String MIGRATIONS = "classpath:db/migration";

    /** The newest schema version this build's migrations create: all of them are pending on an empty in-memory database. */
    public static int knownSchemaVersion() {
        return Arrays.stream(Flyway.configure().dataSource("jdbc:sqlite::memory:", null, null).locations(MIGRATIONS).load().info().pending())
                .filter(i -> i.getVersion() != null)
                .mapToInt(i -> Integer.parseInt(i.getVersion().getVersion()))
                .max().orElse(0);
    }

    public static final class NewerDatabaseException extends IllegalStateException {
        NewerDatabaseException(String message) {
            super(message);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
