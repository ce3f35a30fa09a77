package dev.gradientdeck.anki.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.anki.model.AnkiCard;
import dev.gradientdeck.anki.model.Collection;
import dev.gradientdeck.anki.model.Deck;
import dev.gradientdeck.anki.model.Format;
import dev.gradientdeck.anki.model.MemoryState;
import dev.gradientdeck.anki.model.Note;
import dev.gradientdeck.anki.model.NoteType;
import dev.gradientdeck.anki.model.RevlogEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.Collation;
import org.sqlite.SQLiteConfig;

/**
 * Reads an unpacked collection: schema 11 keeps note types, decks and deck options as JSON in {@code col}; schema 18 has
 * {@code notetypes}, {@code fields}, {@code templates} and {@code decks} tables with protobuf configs. Notes with their
 * cards, and the review log, are read card by card so a collection of any size passes through a small heap.
 */
public final class CollectionReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The note Anki writes into the {@code collection.anki2} of packages an old Anki cannot read. */
    private static final List<String> STUB_WORDS =
            List.of("please update to the latest anki version", "this file requires a newer version of anki");

    private final Connection connection;
    private final Collection collection;

    private CollectionReader(Connection connection, Collection collection) {
        this.connection = connection;
        this.collection = collection;
    }

    public static CollectionReader open(Path file, Format format) throws MalformedPackage {
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            // Schema 18 declares its name columns with Anki's own case-folding collation; SQLite needs it to be
            // defined.
            Collation.create(connection, "unicase", new Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return a.compareToIgnoreCase(b);
                }
            });
            check(connection, format);
            Collection collection = hasTable(connection, "notetypes")
                    ? readSchema18(connection, format)
                    : readSchema11(connection, format);
            CollectionReader reader = new CollectionReader(connection, collection);
            if (format == Format.ANKI2) reader.refuseStub();
            return reader;
        } catch (SQLException e) {
            close(connection);
            throw new MalformedPackage(
                    "the collection " + format.entry() + " in the package is not a readable Anki database ("
                            + firstLine(e.getMessage()) + ")",
                    e);
        } catch (MalformedPackage | RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    public Collection collection() {
        return collection;
    }

    private static void check(Connection connection, Format format) throws SQLException, MalformedPackage {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new MalformedPackage("the collection " + format.entry() + " in the package is damaged (SQLite: "
                        + firstLine(result) + ")");
            }
        }
        for (String table : List.of("col", "notes", "cards", "revlog")) {
            if (!hasTable(connection, table)) {
                throw new MalformedPackage("the collection " + format.entry() + " has no '" + table
                        + "' table, so it is not an Anki collection");
            }
        }
    }

    private void refuseStub() throws SQLException, MalformedPackage {
        if (collection.counts().notes() > 1) return;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT flds FROM notes")) {
            if (rs.next()
                    && STUB_WORDS.stream().anyMatch(rs.getString(1).toLowerCase(java.util.Locale.ROOT)::contains)) {
                throw new MalformedPackage(
                        "the package holds only Anki's \"please update\" placeholder collection; export it again "
                                + "from Anki (any layout is read) or use a package that includes collection.anki21b or collection.anki21");
            }
        }
    }

    // ---- schema 11 ----

    private static Collection readSchema11(Connection c, Format format) throws SQLException, MalformedPackage {
        JsonNode models, decks, dconf, conf;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT models, decks, dconf, conf FROM col")) {
            if (!rs.next())
                throw new MalformedPackage("the collection " + format.entry() + " has an empty 'col' table");
            models = json(rs.getString(1), "note types");
            decks = json(rs.getString(2), "decks");
            dconf = json(rs.getString(3), "deck options");
            conf = json(rs.getString(4), "collection settings");
        }
        Map<Long, NoteType> noteTypes = new HashMap<>();
        for (JsonNode m : iterable(models)) {
            List<String> fields = new ArrayList<>();
            m.path("flds").forEach(f -> fields.add(f.path("name").asText()));
            List<NoteType.Template> templates = new ArrayList<>();
            m.path("tmpls")
                    .forEach(t -> templates.add(new NoteType.Template(
                            t.path("ord").asInt(),
                            t.path("name").asText(),
                            t.path("qfmt").asText(),
                            t.path("afmt").asText())));
            noteTypes.put(
                    m.path("id").asLong(),
                    new NoteType(
                            m.path("id").asLong(),
                            m.path("name").asText(),
                            m.path("type").asInt() == 1,
                            fields,
                            templates,
                            m.path("mod").asLong()));
        }
        Map<Long, List<Double>> parametersByConfig = new HashMap<>();
        for (JsonNode d : iterable(dconf)) {
            for (String key : List.of("fsrsParams6", "fsrsParams5", "fsrsWeights")) {
                JsonNode params = d.path(key);
                if (params.isArray() && !params.isEmpty()) {
                    List<Double> values = new ArrayList<>();
                    params.forEach(v -> values.add(v.asDouble()));
                    parametersByConfig.put(d.path("id").asLong(), values);
                    break;
                }
            }
        }
        Map<Long, Deck> deckMap = new HashMap<>();
        Map<Long, List<Double>> parameters = new HashMap<>();
        for (JsonNode d : iterable(decks)) {
            long id = d.path("id").asLong();
            deckMap.put(
                    id,
                    new Deck(
                            id,
                            Arrays.asList(d.path("name").asText("Default").split("::")),
                            d.path("dyn").asInt() != 0));
            List<Double> p = parametersByConfig.get(d.path("conf").asLong(1));
            if (p != null) parameters.put(id, p);
        }
        return new Collection(format, conf.path("schedVer").asInt(1), noteTypes, deckMap, parameters, counts(c));
    }

    private static JsonNode json(String text, String what) throws MalformedPackage {
        try {
            JsonNode node = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            if (!node.isObject()) throw new MalformedPackage("the collection's " + what + " are not a JSON object");
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedPackage("the collection's " + what + " are not valid JSON");
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode object) {
        List<JsonNode> values = new ArrayList<>();
        object.elements().forEachRemaining(values::add);
        return values;
    }

    // ---- schema 18 ----

    private static Collection readSchema18(Connection c, Format format) throws SQLException, MalformedPackage {
        Map<Long, List<String>> fields = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ntid, name FROM fields ORDER BY ntid, ord")) {
            while (rs.next())
                fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        Map<Long, List<NoteType.Template>> templates = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord")) {
            while (rs.next()) {
                // Template config: field 1 is the question format, field 2 the answer format.
                List<Protobuf.Field> config = Protobuf.fields(bytes(rs, 4));
                templates
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new NoteType.Template(
                                rs.getInt(2),
                                rs.getString(3),
                                Protobuf.text(config, 1).orElse(""),
                                Protobuf.text(config, 2).orElse("")));
            }
        }
        Map<Long, NoteType> noteTypes = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, mtime_secs, config FROM notetypes")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                // Note type config: field 1 is the kind, 1 for cloze.
                boolean cloze = Protobuf.number(Protobuf.fields(bytes(rs, 4)), 1) == 1;
                noteTypes.put(
                        id,
                        new NoteType(
                                id,
                                rs.getString(2),
                                cloze,
                                fields.getOrDefault(id, List.of()),
                                templates.getOrDefault(id, List.of()),
                                rs.getLong(3)));
            }
        }
        Map<Long, Deck> decks = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, kind FROM decks")) {
            while (rs.next()) {
                // Deck kind: field 1 holds a normal deck's settings, field 2 a filtered deck's.
                boolean filtered = Protobuf.has(Protobuf.fields(bytes(rs, 3)), 2);
                decks.put(
                        rs.getLong(1),
                        new Deck(rs.getLong(1), Arrays.asList(rs.getString(2).split("\u001f")), filtered));
            }
        }
        int schedulerVersion = 2;
        if (hasTable(c, "config")) {
            try (PreparedStatement s = c.prepareStatement("SELECT val FROM config WHERE KEY = 'schedVer'")) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next())
                        schedulerVersion = Integer.parseInt(
                                new String(bytes(rs, 1), java.nio.charset.StandardCharsets.UTF_8).strip());
                }
            } catch (NumberFormatException e) {
                schedulerVersion = 2;
            }
        }
        return new Collection(format, schedulerVersion, noteTypes, decks, Map.of(), counts(c));
    }

    private static byte[] bytes(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        return b == null ? new byte[0] : b;
    }

    // ---- notes, cards, log ----

    private static Collection.Counts counts(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM cards), (SELECT count(*) FROM revlog)")) {
            rs.next();
            return new Collection.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3));
        }
    }

    /** A note with its cards, handed over one note at a time. */
    public interface NoteVisitor {
        void visit(Note note, List<AnkiCard> cards) throws MalformedPackage, java.io.IOException;
    }

    public void forEachNote(NoteVisitor visitor) throws MalformedPackage, java.io.IOException {
        String sql = """
                SELECT n.id, n.guid, n.mid, n.mod, n.tags, n.flds, c.id, c.did, c.odid, c.ord, c.type, c.mod, c.data
                FROM notes n JOIN cards c ON c.nid = n.id ORDER BY n.id, c.ord, c.id""";
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            Note note = null;
            List<AnkiCard> cards = new ArrayList<>();
            while (rs.next()) {
                long noteId = rs.getLong(1);
                if (note != null && note.id() != noteId) {
                    visitor.visit(note, cards);
                    cards = new ArrayList<>();
                }
                if (note == null || note.id() != noteId) {
                    String tags = rs.getString(5);
                    note = new Note(
                            noteId,
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            tags == null || tags.isBlank()
                                    ? List.of()
                                    : List.of(tags.strip().split("\\s+")),
                            List.of(rs.getString(6).split("\u001f", -1)));
                }
                long odid = rs.getLong(9);
                cards.add(new AnkiCard(
                        rs.getLong(7),
                        noteId,
                        odid != 0 ? odid : rs.getLong(8),
                        rs.getInt(10),
                        rs.getInt(11),
                        rs.getLong(12),
                        memory(rs.getString(13))));
            }
            if (note != null) visitor.visit(note, cards);
        } catch (SQLException e) {
            throw new MalformedPackage(
                    "the notes and cards of the collection cannot be read (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** Notes without any card, which Anki can hold (every template's front empty): counted, never silently lost. */
    public int notesWithoutCards() throws MalformedPackage {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM notes n WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.nid = n.id)")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new MalformedPackage(
                    "the notes of the collection cannot be read (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    static Optional<MemoryState> memory(String data) {
        if (data == null || data.isBlank() || !data.contains("\"s\"")) return Optional.empty();
        try {
            JsonNode node = JSON.readTree(data);
            if (node.path("s").isNumber() && node.path("d").isNumber()) {
                return Optional.of(new MemoryState(
                        node.path("s").asDouble(), node.path("d").asDouble()));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
            // A card whose data is not JSON has no memory state Anki could have used either.
        }
        return Optional.empty();
    }

    /** One card's log, oldest first. */
    public interface HistoryVisitor {
        void visit(long cardId, List<RevlogEntry> rows) throws java.io.IOException;
    }

    public void forEachHistory(HistoryVisitor visitor) throws MalformedPackage, java.io.IOException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id")) {
            long card = Long.MIN_VALUE;
            List<RevlogEntry> rows = new ArrayList<>();
            while (rs.next()) {
                long cid = rs.getLong(2);
                if (cid != card && !rows.isEmpty()) {
                    visitor.visit(card, rows);
                    rows = new ArrayList<>();
                }
                card = cid;
                rows.add(new RevlogEntry(
                        rs.getLong(1),
                        cid,
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getLong(7),
                        rs.getInt(8)));
            }
            if (!rows.isEmpty()) visitor.visit(card, rows);
        } catch (SQLException e) {
            throw new MalformedPackage(
                    "the review log of the collection cannot be read (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "no detail";
        int cut = message.indexOf('\n');
        return (cut < 0 ? message : message.substring(0, cut)).strip();
    }

    private static void close(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Read-only: closing can lose nothing.
        }
    }

    @Override
    public void close() {
        close(connection);
    }
}
