package dev.gradientdeck.anki;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds small Anki packages for the cases the shared fixtures lack, in every layout: schema 11 as {@code collection.anki21}
 * or {@code collection.anki2} with a JSON media map, and the latest layout (schema 18, zstd collection, zstd protobuf media
 * map, zstd media blobs). Written from the format facts only, so it checks the importer against the format, not itself.
 */
final class AnkiFixtures {
    static final long BASIC = 1_600_000_000_001L;
    static final long CLOZE = 1_600_000_000_002L;
    static final long OPTIONAL_REVERSE = 1_600_000_000_003L;
    static final long DECK = 1_700_000_000_000L;

    record Model(long id, String name, boolean cloze, List<String> fields, List<String[]> templates) {}

    record Note(long id, String guid, long mid, long mod, String tags, List<String> fields) {}

    record Card(long id, long nid, int ord, int type, String data) {}

    record Rev(long id, long cid, int ease, long ivl, int factor, long time, int type) {}

    final List<Model> models = new ArrayList<>(List.of(
            new Model(BASIC, "Basic", false, List.of("Front", "Back"), List.<String[]>of(new String[] {
                "Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"
            })),
            new Model(CLOZE, "Cloze", true, List.of("Text", "Back Extra"), List.<String[]>of(new String[] {
                "Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"
            })),
            new Model(
                    OPTIONAL_REVERSE,
                    "Basic (optional reversed card)",
                    false,
                    List.of("Front", "Back", "Add Reverse"),
                    List.of(new String[] {"Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"}, new String[] {
                        "Card 2", "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", "{{FrontSide}}<hr id=answer>{{Front}}"
                    }))));
    final Map<Long, String> decks = new LinkedHashMap<>(Map.of(1L, "Default", DECK, "Languages::French"));
    final List<Note> notes = new ArrayList<>();
    final List<Card> cards = new ArrayList<>();
    final List<Rev> revlog = new ArrayList<>();
    final Map<String, byte[]> media = new LinkedHashMap<>();
    int schedulerVersion = 2;
    String fsrsParams = "[]";

    AnkiFixtures note(long id, long mid, long mod, String tags, String... fields) {
        notes.add(new Note(id, "g" + id, mid, mod, tags, List.of(fields)));
        return this;
    }

    AnkiFixtures card(long id, long nid, int ord, int type, String data) {
        cards.add(new Card(id, nid, ord, type, data));
        return this;
    }

    AnkiFixtures rev(long id, long cid, int ease, long ivl, int factor, long time, int type) {
        revlog.add(new Rev(id, cid, ease, ivl, factor, time, type));
        return this;
    }

    // ---- schema 11 ----

    Path legacy(Path file, String entry) throws Exception {
        Path db = Files.createTempFile("fixture", ".anki2");
        Files.delete(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : new String(
                                getClass()
                                        .getResourceAsStream("/anki/schema11.sql")
                                        .readAllBytes(),
                                StandardCharsets.UTF_8)
                        .split(";")) {
                    if (!ddl.isBlank()) s.execute(ddl);
                }
            }
            StringBuilder models = new StringBuilder("{");
            for (Model m : this.models) {
                if (models.length() > 1) models.append(',');
                models.append('"')
                        .append(m.id())
                        .append("\":{\"id\":")
                        .append(m.id())
                        .append(",\"name\":")
                        .append(q(m.name()))
                        .append(",\"type\":")
                        .append(m.cloze() ? 1 : 0)
                        .append(",\"mod\":5,\"flds\":[");
                for (int i = 0; i < m.fields().size(); i++) {
                    models.append(i == 0 ? "" : ",")
                            .append("{\"name\":")
                            .append(q(m.fields().get(i)))
                            .append(",\"ord\":")
                            .append(i)
                            .append('}');
                }
                models.append("],\"tmpls\":[");
                for (int i = 0; i < m.templates().size(); i++) {
                    String[] t = m.templates().get(i);
                    models.append(i == 0 ? "" : ",")
                            .append("{\"name\":")
                            .append(q(t[0]))
                            .append(",\"ord\":")
                            .append(i)
                            .append(",\"qfmt\":")
                            .append(q(t[1]))
                            .append(",\"afmt\":")
                            .append(q(t[2]))
                            .append('}');
                }
                models.append("]}");
            }
            models.append('}');
            StringBuilder deckJson = new StringBuilder("{");
            decks.forEach((id, name) -> deckJson.append(deckJson.length() > 1 ? "," : "")
                    .append('"')
                    .append(id)
                    .append("\":{\"id\":")
                    .append(id)
                    .append(",\"name\":")
                    .append(q(name))
                    .append(",\"dyn\":0,\"conf\":1}"));
            deckJson.append('}');
            String dconf = "{\"1\":{\"id\":1,\"fsrsWeights\":" + fsrsParams + "}}";
            String conf = schedulerVersion == 1 ? "{}" : "{\"schedVer\":" + schedulerVersion + "}";
            try (PreparedStatement col =
                    c.prepareStatement("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                col.setString(1, conf);
                col.setString(2, models.toString());
                col.setString(3, deckJson.toString());
                col.setString(4, dconf);
                col.execute();
            }
            rows(c);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(entry, Files.readAllBytes(db));
        Files.delete(db);
        StringBuilder map = new StringBuilder("{");
        int n = 0;
        for (Map.Entry<String, byte[]> m : media.entrySet()) {
            map.append(n == 0 ? "" : ",").append('"').append(n).append("\":").append(q(m.getKey()));
            entries.put(Integer.toString(n++), m.getValue());
        }
        entries.put("media", map.append('}').toString().getBytes(StandardCharsets.UTF_8));
        return zip(file, entries);
    }

    // ---- schema 18, the latest layout ----

    Path latest(Path file) throws Exception {
        Path db = Files.createTempFile("fixture", ".anki21b");
        Files.delete(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TABLE col (id integer PRIMARY KEY, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, "
                                + "ls integer, conf text, models text, decks text, dconf text, tags text)");
                s.execute("INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
                s.execute(
                        "CREATE TABLE notes (id integer PRIMARY KEY, guid text, mid integer, mod integer, usn integer, tags text, flds text, "
                                + "sfld integer, csum integer, flags integer, data text)");
                s.execute(
                        "CREATE TABLE cards (id integer PRIMARY KEY, nid integer, did integer, ord integer, mod integer, usn integer, type integer, "
                                + "queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, "
                                + "odid integer, flags integer, data text)");
                s.execute(
                        "CREATE TABLE revlog (id integer PRIMARY KEY, cid integer, usn integer, ease integer, ivl integer, lastIvl integer, "
                                + "factor integer, time integer, type integer)");
                s.execute(
                        "CREATE TABLE notetypes (id integer PRIMARY KEY, name text, mtime_secs integer, usn integer, config blob)");
                s.execute(
                        "CREATE TABLE fields (ntid integer, ord integer, name text, config blob, PRIMARY KEY (ntid, ord))");
                s.execute(
                        "CREATE TABLE templates (ntid integer, ord integer, name text, mtime_secs integer, usn integer, config blob, "
                                + "PRIMARY KEY (ntid, ord))");
                s.execute(
                        "CREATE TABLE decks (id integer PRIMARY KEY, name text, mtime_secs integer, usn integer, common blob, kind blob)");
                s.execute("CREATE TABLE config (KEY text PRIMARY KEY, usn integer, mtime_secs integer, val blob)");
            }
            for (Model m : models) {
                insert(
                        c,
                        "INSERT INTO notetypes VALUES (?, ?, 5, 0, ?)",
                        m.id(),
                        m.name(),
                        m.cloze() ? varint(1, 1) : new byte[0]);
                for (int i = 0; i < m.fields().size(); i++)
                    insert(
                            c,
                            "INSERT INTO fields VALUES (?, ?, ?, ?)",
                            m.id(),
                            i,
                            m.fields().get(i),
                            new byte[0]);
                for (int i = 0; i < m.templates().size(); i++) {
                    String[] t = m.templates().get(i);
                    insert(
                            c,
                            "INSERT INTO templates VALUES (?, ?, ?, 5, 0, ?)",
                            m.id(),
                            i,
                            t[0],
                            concat(text(1, t[1]), text(2, t[2])));
                }
            }
            for (Map.Entry<Long, String> d : decks.entrySet()) {
                insert(
                        c,
                        "INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)",
                        d.getKey(),
                        d.getValue().replace("::", "\u001f"),
                        new byte[0],
                        bytes(1, new byte[0]));
            }
            insert(
                    c,
                    "INSERT INTO config VALUES ('schedVer', 0, 0, ?)",
                    Integer.toString(schedulerVersion).getBytes(StandardCharsets.UTF_8));
            rows(c);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("meta", new byte[] {0x08, 0x03});
        entries.put("collection.anki21b", Zstd.compress(Files.readAllBytes(db)));
        Files.delete(db);
        entries.put("collection.anki2", stubCollection());
        ByteArrayOutputStream map = new ByteArrayOutputStream();
        int n = 0;
        for (Map.Entry<String, byte[]> m : media.entrySet()) {
            map.writeBytes(bytes(1, concat(text(1, m.getKey()), varint(2, m.getValue().length))));
            entries.put(Integer.toString(n++), Zstd.compress(m.getValue()));
        }
        entries.put("media", Zstd.compress(map.toByteArray()));
        return zip(file, entries);
    }

    /** The placeholder newer Anki versions put beside the real collection. */
    static byte[] stubCollection() throws Exception {
        AnkiFixtures stub = new AnkiFixtures()
                .note(
                        1,
                        BASIC,
                        1,
                        "",
                        "Please update to the latest Anki version, then import the .colpkg/.apkg file again.",
                        "")
                .card(1, 1, 0, 0, "");
        Path zip = stub.legacy(Files.createTempFile("stub", ".zip"), "collection.anki2");
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry("collection.anki2")).readAllBytes();
        } finally {
            Files.delete(zip);
        }
    }

    private void rows(Connection c) throws SQLException {
        for (Note n : notes) {
            insert(
                    c,
                    "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, '', 0, 0, '')",
                    n.id(),
                    n.guid(),
                    n.mid(),
                    n.mod(),
                    n.tags(),
                    String.join("\u001f", n.fields()));
        }
        for (Card k : cards) {
            insert(
                    c,
                    "INSERT INTO cards VALUES (?, ?, ?, ?, 0, -1, ?, 0, 0, 0, 2500, 0, 0, 0, 0, 0, 0, ?)",
                    k.id(),
                    k.nid(),
                    DECK,
                    k.ord(),
                    k.type(),
                    k.data());
        }
        for (Rev r : revlog) {
            insert(
                    c,
                    "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, 0, ?, ?, ?)",
                    r.id(),
                    r.cid(),
                    r.ease(),
                    r.ivl(),
                    r.factor(),
                    r.time(),
                    r.type());
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            s.execute();
        }
    }

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    // ---- protobuf, written by field number ----

    static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    static byte[] text(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(int field, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
