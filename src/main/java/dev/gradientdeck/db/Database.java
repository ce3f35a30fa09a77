package dev.gradientdeck.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.jdbi.v3.core.Jdbi;

/** The SQLite file behind the app: pooled connections, pragmas on every connection, migrations applied on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    /** A read that runs longer than this is interrupted: no page may hold a connection (of four) for long. */
    static final java.time.Duration READ_LIMIT = java.time.Duration.ofSeconds(8);

    private static final java.util.concurrent.ScheduledExecutorService INTERRUPTS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "query-limit");
                t.setDaemon(true);
                return t;
            });

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).addCustomizer(new ReadLimit());
    }

    /**
     * Interrupts a read (SELECT) still running after {@link #READ_LIMIT}; SQLite then stops it with SQLITE_INTERRUPT and the
     * request answers 503. Writes are left alone: an import may rightly write for longer, and it holds the write lock anyway.
     */
    private static final class ReadLimit implements org.jdbi.v3.core.statement.StatementCustomizer {
        @Override
        public void beforeExecution(
                java.sql.PreparedStatement statement, org.jdbi.v3.core.statement.StatementContext ctx) {
            String sql = ctx.getRawSql() == null
                    ? ""
                    : ctx.getRawSql().stripLeading().toUpperCase(java.util.Locale.ROOT);
            if (!sql.startsWith("SELECT") && !sql.startsWith("WITH")) return;
            var pending = INTERRUPTS.schedule(
                    () -> {
                        try {
                            statement.cancel();
                        } catch (java.sql.SQLException ignored) {
                            // Already finished or closed: nothing left to interrupt.
                        }
                    },
                    READ_LIMIT.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            ctx.addCleanable(() -> pending.cancel(false));
        }
    }

    /** Whether a failure is a read stopped by {@link #READ_LIMIT}. */
    public static boolean isOverTimeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s
                    && s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_INTERRUPT) return true;
        }
        return false;
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
        // A write waits its turn for as long as a first import of a large deck holds the lock (about 40 s for 20,000
        // cards on a
        // busy 2-core machine), rather than failing a grade; reads in WAL mode take no lock and never wait here.
        config.addDataSourceProperty("busy_timeout", "120000");
        config.addDataSourceProperty("synchronous", "NORMAL");
        // Every transaction takes the write lock when it begins: a deferred one that reads first cannot upgrade to a
        // write
        // while another writer (a sync, an import) commits, and fails with SQLITE_BUSY at once instead of waiting its
        // turn.
        // Reads outside a transaction take no lock and are not slowed.
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        // One writer at a time is SQLite's rule; a few readers beside it are enough for one learner.
        config.setMaximumPoolSize(4);
        config.setPoolName("gradient-deck");
        // A request waits this long for a free connection, then answers 503 instead of hanging for Hikari's 30 s
        // default.
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            String stamp = MigrationStamp.ofThisBuild();
            if (!MigrationStamp.matches(dataSource, stamp)) {
                // No migration is ignored, so one this build does not know (a newer version's) fails validation before
                // anything runs.
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations(MIGRATIONS)
                        .ignoreMigrationPatterns("")
                        .load()
                        .migrate();
                MigrationStamp.store(dataSource, stamp);
            }
        } catch (FlywayValidateException e) {
            dataSource.close();
            if (e.getMessage().contains("not resolved locally")) {
                throw new NewerDatabaseException(
                        file + " was written by a newer Gradient Deck (this version knows schema "
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
        return Arrays.stream(Flyway.configure()
                        .dataSource("jdbc:sqlite::memory:", null, null)
                        .locations(MIGRATIONS)
                        .load()
                        .info()
                        .pending())
                .filter(i -> i.getVersion() != null)
                .mapToInt(i -> Integer.parseInt(i.getVersion().getVersion()))
                .max()
                .orElse(0);
    }

    /** Every schema version this build's migrations create, as Flyway writes them ("1", "2", ...). */
    static java.util.Set<String> knownVersions() {
        return Arrays.stream(Flyway.configure()
                        .dataSource("jdbc:sqlite::memory:", null, null)
                        .locations(MIGRATIONS)
                        .load()
                        .info()
                        .pending())
                .filter(i -> i.getVersion() != null)
                .map(i -> i.getVersion().getVersion())
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The tables and columns that this build's migrations up to {@code version} create and {@code other} lacks, as one line
     * ("table reviews; column cards.slug"); empty when it holds them all. The reference is built in a scratch file.
     */
    static String missingFromSchema(java.sql.Connection other, int version)
            throws java.io.IOException, java.sql.SQLException {
        Path scratch = Files.createTempFile("gradient-deck-schema-", ".sqlite");
        try {
            Flyway.configure()
                    .dataSource("jdbc:sqlite:" + scratch, null, null)
                    .locations(MIGRATIONS)
                    .target(String.valueOf(version))
                    .load()
                    .migrate();
            java.util.Map<String, java.util.Set<String>> expected;
            try (java.sql.Connection reference = java.sql.DriverManager.getConnection("jdbc:sqlite:" + scratch)) {
                expected = columns(reference);
            }
            java.util.Map<String, java.util.Set<String>> actual = columns(other);
            java.util.List<String> missing = new java.util.ArrayList<>();
            expected.forEach((table, cols) -> {
                if (!actual.containsKey(table)) missing.add("table " + table + " is missing");
                else
                    cols.stream()
                            .filter(col -> !actual.get(table).contains(col))
                            .forEach(col -> missing.add("column " + table + "." + col + " is missing"));
            });
            return String.join("; ", missing);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static java.util.Map<String, java.util.Set<String>> columns(java.sql.Connection c)
            throws java.sql.SQLException {
        java.util.Map<String, java.util.Set<String>> tables = new java.util.TreeMap<>();
        try (var s = c.createStatement();
                var rs = s.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) tables.put(rs.getString(1), new java.util.TreeSet<>());
        }
        for (var entry : tables.entrySet()) {
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT name FROM pragma_table_info('"
                            + entry.getKey().replace("'", "''") + "')")) {
                while (rs.next()) entry.getValue().add(rs.getString(1));
            }
        }
        return tables;
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
