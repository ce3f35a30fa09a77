package dev.gradientdeck.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A fingerprint of this build's migrations (every file's name and bytes), kept in the database after Flyway migrated and
 * validated it. A start with the same fingerprint skips Flyway, whose class loading, scan and validation were the largest
 * part of start-up; any added, changed or removed migration changes the fingerprint, and Flyway runs as before.
 */
final class MigrationStamp {
    private static final String FOLDER = "db/migration";

    private MigrationStamp() {}

    static String ofThisBuild() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : names()) {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = MigrationStamp.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
                    if (in == null)
                        throw new IllegalStateException("migration " + name + " is listed but cannot be read");
                    digest.update(in.readAllBytes());
                }
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The migration files, sorted, from the classes folder or the jar the app runs from. */
    private static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        var urls = MigrationStamp.class.getClassLoader().getResources(FOLDER);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(FOLDER + "/")
                                && !entry.isDirectory()
                                && name.indexOf('/', FOLDER.length() + 1) < 0) {
                            names.add(name.substring(FOLDER.length() + 1));
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> names.add(f.getFileName().toString()));
                } catch (URISyntaxException e) {
                    throw new IOException("cannot read " + url, e);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Whether the database was last migrated with exactly these migrations and its schema history has not moved since
     * (another version migrating it adds history rows, so Flyway then runs and judges).
     */
    static boolean matches(DataSource dataSource, String stamp) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT migrations = ? || '|' || " + HISTORY + " FROM schema_stamp WHERE id = 1")) {
            s.setString(1, stamp);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException noTableYet) {
            return false;
        }
    }

    private static final String HISTORY =
            "(SELECT count(*) || ':' || coalesce(max(installed_rank), 0) || ':' || coalesce(sum(success), 0) FROM flyway_schema_history)";

    static void store(DataSource dataSource, String stamp) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO schema_stamp (id, migrations) VALUES (1, ? || '|' || " + HISTORY
                                + ") " + "ON CONFLICT (id) DO UPDATE SET migrations = excluded.migrations")) {
            s.setString(1, stamp);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the schema stamp: " + e.getMessage(), e);
        }
    }
}
