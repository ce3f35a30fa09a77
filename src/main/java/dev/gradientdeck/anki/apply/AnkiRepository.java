package dev.gradientdeck.anki.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** All SQL of Anki imports: the runs and their reports, the cards they wrote, the files they changed, the answers they added. */
public final class AnkiRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public AnkiRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An Anki card imported before: where its file is, the note version it was written from, and by which import. */
    public record KnownCard(long ankiCardId, String path, long noteMod, long importId) {}

    /** A file an import wrote: created (no previous text) or replaced. */
    public record FileChange(
            String path,
            long ankiCardId,
            Optional<String> previousText,
            Optional<Long> previousMod,
            Optional<Long> previousImportId) {}

    /** A stored import for the import page. */
    public record StoredImport(
            long id,
            String fileName,
            String format,
            Instant importedAt,
            AnkiReport report,
            Optional<Instant> undoneAt) {}

    /** One Anki log row and the review it became. */
    public record ImportedReview(long ankiCardId, long revlogId, long reviewId) {}

    public long begin(String fileName, String format, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO anki_imports (file_name, format, imported_at, report) VALUES (:name, :format, :at, '{}')""")
                .bind("name", fileName)
                .bind("format", format)
                .bind("at", at.toString())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    public void saveReport(long importId, AnkiReport report) {
        String json;
        try {
            json = JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serializes", e);
        }
        jdbi.useHandle(h -> h.execute("UPDATE anki_imports SET report = ? WHERE id = ?", json, importId));
    }

    public Map<Long, KnownCard> knownCards() {
        return jdbi.withHandle(h -> {
            Map<Long, KnownCard> known = new HashMap<>();
            h.createQuery("SELECT anki_card_id, path, note_mod, import_id FROM anki_cards")
                    .map((rs, ctx) -> new KnownCard(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                    .forEach(k -> known.put(k.ankiCardId(), k));
            return known;
        });
    }

    public void recordCard(long importId, long ankiCardId, String guid, int ord, long noteMod, String path) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO anki_cards (anki_card_id, note_guid, ord, note_mod, path, import_id)
                        VALUES (:id, :guid, :ord, :mod, :path, :importId)
                        ON CONFLICT (anki_card_id) DO UPDATE SET note_guid = :guid, ord = :ord, note_mod = :mod, path = :path,
                            import_id = :importId""")
                .bind("id", ankiCardId)
                .bind("guid", guid)
                .bind("ord", ord)
                .bind("mod", noteMod)
                .bind("path", path)
                .bind("importId", importId)
                .execute());
    }

    public void recordFile(long importId, FileChange change) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT OR REPLACE INTO anki_import_files (import_id, path, anki_card_id, previous_text, previous_mod, previous_import_id)
                        VALUES (:importId, :path, :card, :text, :mod, :previousImport)""")
                .bind("importId", importId)
                .bind("path", change.path())
                .bind("card", change.ankiCardId())
                .bind("text", change.previousText().orElse(null))
                .bind("mod", change.previousMod().orElse(null))
                .bind("previousImport", change.previousImportId().orElse(null))
                .execute());
    }

    /** The log rows of one Anki card that an import still standing already brought in. */
    public Set<Long> importedRevlog(long ankiCardId) {
        return jdbi.withHandle(h -> new HashSet<>(
                h.createQuery("""
                        SELECT r.revlog_id FROM anki_reviews r JOIN anki_imports i ON i.id = r.import_id
                        WHERE r.anki_card_id = :card AND i.undone_at IS NULL""").bind("card", ankiCardId).mapTo(Long.class).list()));
    }

    public void recordReviews(long importId, List<ImportedReview> reviews) {
        if (reviews.isEmpty()) return;
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(
                    "INSERT INTO anki_reviews (anki_card_id, revlog_id, review_id, import_id) VALUES (?, ?, ?, ?)");
            for (ImportedReview r : reviews) batch.add(r.ankiCardId(), r.revlogId(), r.reviewId(), importId);
            batch.execute();
        });
    }

    public List<StoredImport> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, file_name, format, imported_at, report, undone_at FROM anki_imports
                        WHERE report != '{}' ORDER BY id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    public Optional<StoredImport> find(long id) {
        return jdbi.withHandle(h ->
                h.createQuery("""
                        SELECT id, file_name, format, imported_at, report, undone_at FROM anki_imports WHERE id = :id AND report != '{}'""").bind("id", id).map((rs, ctx) -> stored(rs)).findOne());
    }

    private static StoredImport stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        AnkiReport report;
        try {
            report = JSON.readValue(rs.getString("report"), AnkiReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import " + rs.getLong("id") + " has an unreadable report", e);
        }
        String undone = rs.getString("undone_at");
        return new StoredImport(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getString("format"),
                Instant.parse(rs.getString("imported_at")),
                report,
                Optional.ofNullable(undone).map(Instant::parse));
    }

    public List<FileChange> files(long importId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT path, anki_card_id, previous_text, previous_mod, previous_import_id FROM anki_import_files
                        WHERE import_id = :id ORDER BY path""")
                .bind("id", importId)
                .map((rs, ctx) -> new FileChange(
                        rs.getString(1),
                        rs.getLong(2),
                        Optional.ofNullable(rs.getString(3)),
                        nullable(rs, 4),
                        nullable(rs, 5)))
                .list());
    }

    private static Optional<Long> nullable(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    public List<Long> reviewIds(long importId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT review_id FROM anki_reviews WHERE import_id = :id ORDER BY review_id")
                        .bind("id", importId)
                        .mapTo(Long.class)
                        .list());
    }

    /** A later import, still standing, that wrote one of the same card files: it has to be undone first. */
    public Optional<Long> laterImportOnSameFiles(long importId) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        SELECT min(later.import_id) FROM anki_import_files mine
                        JOIN anki_import_files later ON later.path = mine.path AND later.import_id > mine.import_id
                        JOIN anki_imports i ON i.id = later.import_id AND i.undone_at IS NULL
                        WHERE mine.import_id = :id""").bind("id", importId).mapTo(Long.class).findOne());
    }

    /** Marks the import undone and puts each card it wrote back to what the database knew before it. */
    public void markUndone(long importId, Instant at, List<FileChange> changes) {
        jdbi.useTransaction(h -> {
            for (FileChange change : changes) {
                if (change.previousText().isEmpty()) {
                    h.execute(
                            "DELETE FROM anki_cards WHERE anki_card_id = ? AND import_id = ?",
                            change.ankiCardId(),
                            importId);
                } else {
                    h.execute(
                            "UPDATE anki_cards SET note_mod = ?, import_id = ? WHERE anki_card_id = ? AND import_id = ?",
                            change.previousMod().orElse(0L),
                            change.previousImportId().orElse(importId),
                            change.ankiCardId(),
                            importId);
                }
            }
            h.execute("UPDATE anki_imports SET undone_at = ? WHERE id = ?", at.toString(), importId);
        });
    }
}
