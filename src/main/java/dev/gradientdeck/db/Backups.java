package dev.gradientdeck.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consistent copies of the database: on demand, daily (the last seven kept), and a checked restore. */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final int DAILY_KEPT = 7;
    private static final String DAILY_PREFIX = "gradient-deck-";

    private Backups() {}

    /** VACUUM INTO writes a transactionally consistent copy, even while the app is writing. */
    public static void write(Jdbi jdbi, Path target) throws IOException {
        Path partial = partialBeside(target);
        jdbi.useHandle(h -> h.execute("VACUUM INTO ?", partial.toString()));
        Files.move(partial, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies are written under a temporary name and moved into place, so an interrupted copy never looks like a finished one. */
    private static Path partialBeside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) throw new IOException(target + " already exists; choose a new file name");
        Path parent = absolute.getParent();
        if (parent != null) Files.createDirectories(parent);
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        return partial;
    }

    /**
     * A consistent copy of a database file, opened read-only, so it works from a read-only folder. SQLite needs to create the
     * -shm file beside a WAL database even to read it; where it cannot, the file is read as immutable, which is right there:
     * nothing can be writing to a folder nobody can write to.
     */
    public static void copy(Path database, Path target) throws IOException {
        Path partial = partialBeside(target);
        String file = database.toAbsolutePath().toString();
        try {
            vacuumInto("jdbc:sqlite:file:" + file + "?mode=ro", partial);
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            try {
                vacuumInto("jdbc:sqlite:file:" + file + "?mode=ro&immutable=1", partial);
            } catch (SQLException again) {
                Files.deleteIfExists(partial);
                throw new IOException("cannot read " + database + ": " + again.getMessage(), again);
            }
        }
        Files.move(partial, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void vacuumInto(String url, Path partial) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                java.sql.PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, partial.toString());
            s.execute();
        }
    }

    /** The folder daily backups go in: beside the database. */
    public static Path dailyFolder(Path database) {
        Path parent = database.toAbsolutePath().getParent();
        return parent.resolve("backups");
    }

    /** Writes today's backup if there is none yet, and keeps only the newest seven. Returns the file written, if any. */
    public static java.util.Optional<Path> dailyIfDue(Jdbi jdbi, Path database, LocalDate today) throws IOException {
        Path folder = dailyFolder(database);
        Path target = folder.resolve(DAILY_PREFIX + today + ".sqlite");
        if (Files.exists(target)) return java.util.Optional.empty();
        write(jdbi, target);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> daily = files.filter(
                            p -> p.getFileName().toString().matches(DAILY_PREFIX + "\\d{4}-\\d{2}-\\d{2}\\.sqlite"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .toList();
            for (Path old : daily.subList(Math.min(DAILY_KEPT, daily.size()), daily.size())) Files.deleteIfExists(old);
        }
        LOG.info("daily backup written to {}", target);
        return java.util.Optional.of(target);
    }

    /**
     * Replaces the database with a backup after checking it is one: an SQLite file that passes integrity_check and holds this
     * app's schema, no newer than this version knows. The current database is kept beside it first.
     */
    public static java.util.Optional<Path> restore(Path backup, Path database) throws IOException {
        check(backup);
        Path absolute = database.toAbsolutePath();
        java.util.Optional<Path> saved = java.util.Optional.empty();
        if (Files.exists(absolute)) {
            Path copy =
                    absolute.resolveSibling(absolute.getFileName() + ".before-restore-" + System.currentTimeMillis());
            try (Database current = Database.open(absolute)) {
                write(current.jdbi(), copy);
            }
            saved = java.util.Optional.of(copy);
        }
        Path staging = absolute.resolveSibling(absolute.getFileName() + ".restoring");
        Files.copy(backup, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(absolute.resolveSibling(absolute.getFileName() + "-wal"));
        Files.deleteIfExists(absolute.resolveSibling(absolute.getFileName() + "-shm"));
        Files.move(staging, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return saved;
    }

    static void check(Path backup) throws IOException {
        if (!Files.isRegularFile(backup)) throw new IOException(backup + " is not a file");
        byte[] header = new byte[16];
        try (InputStream in = Files.newInputStream(backup)) {
            if (in.readNBytes(header, 0, 16) < 16
                    || !new String(header, StandardCharsets.ISO_8859_1).equals("SQLite format 3\0")) {
                throw new IOException(backup + " is not an SQLite database");
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + backup.toAbsolutePath() + "?mode=ro");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) throw new IOException(backup + " is damaged: " + result);
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cards', 'flyway_schema_history')")) {
                if (!rs.next() || rs.getInt(1) != 2) throw new IOException(backup + " is not a Gradient Deck database");
            }
            java.util.Set<String> known = Database.knownVersions();
            int version = 0;
            try (ResultSet rs = s.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    int n;
                    try {
                        n = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IOException(
                                backup + " records schema version '" + v + "', which no Gradient Deck writes");
                    }
                    if (n > Database.knownSchemaVersion()) {
                        throw new IOException(backup + " was written by a newer Gradient Deck (schema " + n
                                + ", this version knows " + Database.knownSchemaVersion() + ")");
                    }
                    if (!known.contains(v))
                        throw new IOException(
                                backup + " records schema version " + v + ", which this Gradient Deck never wrote");
                    version = Math.max(version, n);
                }
            }
            if (version == 0)
                throw new IOException(backup + " is not a Gradient Deck database (no schema version recorded)");
            String missing = Database.missingFromSchema(c, version);
            if (!missing.isEmpty())
                throw new IOException(
                        backup + " does not hold the schema its version " + version + " promises: " + missing);
        } catch (SQLException e) {
            throw new IOException(backup + " cannot be read as a database: " + e.getMessage(), e);
        }
    }
}
