package dev.gradientdeck.anki.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sqlite.SQLiteConfig;

/**
 * Writes a legacy Anki package: {@code collection.anki21} (schema 11, which every Anki since 2.1 opens), the media map as
 * JSON, and each media file as the zip member named by its number.
 */
final class ApkgWriter {
    private ApkgWriter() {}

    static void write(Path target, LegacyCollection.Rows rows, Map<String, Path> media) throws IOException {
        Path collection = Files.createTempFile("gd-export", ".anki21");
        try {
            writeCollection(collection, rows);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                add(zip, "collection.anki21", collection);
                Map<String, String> map = new LinkedHashMap<>();
                int n = 0;
                for (Map.Entry<String, Path> file : media.entrySet()) {
                    String member = Integer.toString(n++);
                    map.put(member, file.getKey());
                    add(zip, member, file.getValue());
                }
                zip.putNextEntry(new ZipEntry("media"));
                zip.write(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(map)
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } finally {
            Files.deleteIfExists(collection);
        }
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    private static void writeCollection(Path file, LegacyCollection.Rows rows) throws IOException {
        Files.deleteIfExists(file);
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    InputStream in = ApkgWriter.class.getResourceAsStream("/anki/schema11.sql")) {
                for (String ddl : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
                    if (!ddl.isBlank()) s.execute(ddl);
                }
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement col =
                    c.prepareStatement("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                col.setLong(1, rows.created());
                col.setLong(2, now);
                col.setLong(3, now);
                col.setString(4, rows.conf());
                col.setString(5, rows.models());
                col.setString(6, rows.decks());
                col.setString(7, rows.deckOptions());
                col.execute();
            }
            try (PreparedStatement note =
                    c.prepareStatement("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")) {
                for (LegacyCollection.Note n : rows.notes()) {
                    note.setLong(1, n.id());
                    note.setString(2, n.guid());
                    note.setLong(3, LegacyCollection.MODEL_ID);
                    note.setLong(4, n.mod());
                    note.setString(5, n.tags());
                    note.setString(6, n.fields());
                    note.setString(7, n.sortField());
                    note.setLong(8, n.checksum());
                    note.addBatch();
                }
                note.executeBatch();
            }
            try (PreparedStatement card = c.prepareStatement(
                    "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, 2500, ?, ?, ?, 0, 0, 0, ?)")) {
                for (LegacyCollection.Card r : rows.cards()) {
                    card.setLong(1, r.id());
                    card.setLong(2, r.noteId());
                    card.setLong(3, r.deckId());
                    card.setLong(4, r.mod());
                    card.setInt(5, r.type());
                    card.setInt(6, r.queue());
                    card.setLong(7, r.due());
                    card.setLong(8, r.interval());
                    card.setInt(9, r.reps());
                    card.setInt(10, r.lapses());
                    card.setInt(11, r.left());
                    card.setString(12, r.data());
                    card.addBatch();
                }
                card.executeBatch();
            }
            try (PreparedStatement log = c.prepareStatement("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")) {
                for (LegacyCollection.LogRow r : rows.log()) {
                    log.setLong(1, r.id());
                    log.setLong(2, r.cardId());
                    log.setInt(3, r.ease());
                    log.setLong(4, r.interval());
                    log.setLong(5, r.lastInterval());
                    log.setInt(6, r.factor());
                    log.setLong(7, r.timeMs());
                    log.setInt(8, r.type());
                    log.addBatch();
                }
                log.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException("could not write the export's collection: " + e.getMessage(), e);
        }
    }
}
