package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.cards.CardViews.CardSummary;
import dev.gradientdeck.cards.CardViews.CarriedRecord;
import dev.gradientdeck.cards.CardViews.Citation;
import dev.gradientdeck.cards.CardViews.Count;
import dev.gradientdeck.cards.CardViews.Section;
import dev.gradientdeck.cards.ImportReport.ImportError;
import dev.gradientdeck.db.JsonColumn;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.papers.SearchRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** All SQL about cards, their import runs and the import errors of the deck folder. */
public final class CardRepository {
    private static final String TAG_SEPARATOR = "\u001f";

    private final Jdbi jdbi;

    public CardRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What the database knows of each stored card's file, to tell unchanged files from changed ones. */
    public record StoredFile(
            long id, String slug, String path, String contentHash, String fileStamp, boolean archived) {}

    /** Card files only: paper prompts are cards too, but they come from papers and the papers sync keeps them. */
    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT NOT EXISTS (SELECT 1 FROM cards)")
                .mapTo(Boolean.class)
                .one());
    }

    public int activeCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM cards WHERE archived = 0")
                .mapTo(Integer.class)
                .one());
    }

    public List<StoredFile> storedFiles() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, slug, path, content_hash, file_stamp, archived FROM cards WHERE kind != 'paper'")
                .map((rs, ctx) -> new StoredFile(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("path"),
                        rs.getString("content_hash"),
                        rs.getString("file_stamp"),
                        rs.getBoolean("archived")))
                .list());
    }

    /**
     * Runs one sync in one transaction, so a failure leaves the database as it was. The sync hands its cards to the writer a
     * batch at a time as they are rendered, so a whole deck's HTML is never in memory at once.
     */
    public void inSync(java.time.Instant at, java.util.function.Consumer<SyncWriter> work) {
        jdbi.useTransaction(h -> work.accept(new SyncWriter(h, at.toString())));
    }

    /** What one sync does to the stored cards besides writing changed ones, applied by {@link SyncWriter#finish}. */
    public record SyncEnd(
            List<Long> restores,
            List<Long> archives,
            PaperImportRepository.NoteChanges paperNotes,
            Map<Long, String> restamps,
            boolean changedAnything,
            boolean paperPromptsByDefault) {}

    /**
     * Writes the cards of one sync in batches: each batch's cards, then their tags, sections, citations and carried records
     * (found by the card's unique slug, so no id has to come back per row), then their search documents, built from the
     * text the render already made (the index is filled in the same pass, not by parsing every card again afterwards).
     */
    public static final class SyncWriter {
        private static final List<String> CHILD_TABLES =
                List.of("card_tags", "card_sections", "card_citations", "carried_records");
        private final Handle h;
        private final String now;
        private final List<RenderedCard> inserts = new ArrayList<>();
        private final Map<Long, RenderedCard> updates = new java.util.LinkedHashMap<>();

        private SyncWriter(Handle h, String now) {
            this.h = h;
            this.now = now;
        }

        public void insert(RenderedCard card) {
            inserts.add(card);
        }

        public void update(long id, RenderedCard card) {
            updates.put(id, card);
        }

        /** Writes what was handed over since the last flush. */
        public void flush() {
            if (!inserts.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("""
                        INSERT INTO cards (slug, path, deck, title, kind, question_md, question_html, answer_md, answer_html,
                                           key_points, key_points_html, descent_spec, descent_line, content_hash, file_stamp, archived,
                                           created_at, updated_at, paper_prompts_choice)
                        VALUES (:slug, :path, :deck, :title, :kind, :question, :questionHtml, :answer, :answerHtml,
                                :keyPoints, :keyPointsHtml, :descentSpec, :descentLine, :hash, :stamp, 0, :now, :now, :paperPrompts)""");
                for (RenderedCard card : inserts)
                    batch.bindMap(cardColumns(card)).bind("now", now).add();
                batch.execute();
            }
            if (!updates.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("""
                        UPDATE cards SET slug = :slug, path = :path, deck = :deck, title = :title, kind = :kind,
                               question_md = :question, question_html = :questionHtml, answer_md = :answer,
                               answer_html = :answerHtml, key_points = :keyPoints, key_points_html = :keyPointsHtml, descent_spec = :descentSpec,
                               descent_line = :descentLine, content_hash = :hash, file_stamp = :stamp, archived = 0, updated_at = :now,
                               paper_prompts_choice = :paperPrompts
                        WHERE id = :id""");
                updates.forEach((id, card) -> batch.bindMap(cardColumns(card))
                        .bind("now", now)
                        .bind("id", id)
                        .add());
                batch.execute();
                for (String table : CHILD_TABLES) {
                    PreparedBatch delete = h.prepareBatch("DELETE FROM " + table + " WHERE card_id = ?");
                    for (long id : updates.keySet()) delete.add(id);
                    delete.execute();
                }
            }
            List<RenderedCard> written = new ArrayList<>(inserts);
            written.addAll(updates.values());
            inserts.clear();
            updates.clear();
            if (written.isEmpty()) return;
            Children children = new Children(h);
            for (RenderedCard card : written) children.add(card);
            children.write();
            SearchRepository.indexCards(
                    h, written.stream().map(SyncWriter::searchText).toList());
        }

        private static SearchRepository.CardText searchText(RenderedCard card) {
            CardDocument doc = card.document();
            return new SearchRepository.CardText(
                    doc.slug(),
                    card.contentHash(),
                    doc.title(),
                    card.questionText(),
                    card.answerText() + "\n" + String.join("\n", doc.keyPoints()),
                    String.join(" ", doc.tags()));
        }

        /** Restamps, restores and archives, then papers and the search index derived from the deck as it is now. */
        public void finish(SyncEnd end) {
            flush();
            if (!end.restamps().isEmpty()) {
                PreparedBatch restamp = h.prepareBatch("UPDATE cards SET file_stamp = ? WHERE id = ?");
                end.restamps().forEach((id, stamp) -> restamp.add(stamp, id));
                restamp.execute();
            }
            setArchived(h, end.restores(), false, now);
            setArchived(h, end.archives(), true, now);
            // Papers and the search index are derived from the cards and the paper prompts setting: with no file
            // changed and
            // the setting as the last sync had it, there is nothing to derive again.
            Optional<Integer> lastDefault = h.createQuery(
                            "SELECT coalesce(paper_prompts, -1) FROM import_runs ORDER BY id DESC LIMIT 1")
                    .mapTo(Integer.class)
                    .findFirst();
            boolean settingChanged = !lastDefault.equals(Optional.of(end.paperPromptsByDefault() ? 1 : 0));
            if (end.changedAnything() || settingChanged) {
                PaperImportRepository.sync(h, end.paperNotes(), now, end.paperPromptsByDefault());
                SearchRepository.refresh(h);
            }
        }
    }

    private static Map<String, Object> cardColumns(RenderedCard card) {
        CardDocument doc = card.document();
        Map<String, Object> columns = new HashMap<>();
        columns.put("slug", doc.slug());
        columns.put("path", card.path());
        columns.put("deck", doc.deck());
        columns.put("title", doc.title());
        columns.put("kind", doc.kind().key());
        columns.put("question", doc.question());
        columns.put("questionHtml", card.questionHtml());
        columns.put("answer", doc.answer());
        columns.put("answerHtml", card.answerHtml());
        columns.put("keyPoints", JsonColumn.of(doc.keyPoints()));
        columns.put("keyPointsHtml", JsonColumn.of(card.keyPointsHtml()));
        columns.put(
                "descentSpec",
                doc.descent().map(CardDocument.DescentBlock::yaml).orElse(null));
        columns.put(
                "descentLine",
                doc.descent().map(CardDocument.DescentBlock::line).orElse(null));
        columns.put("hash", card.contentHash());
        columns.put("stamp", card.fileStamp());
        columns.put("paperPrompts", PaperImportRepository.promptChoice(doc.paperPrompts()));
        return columns;
    }

    /** A batch of cards' rows in other tables, written as one batch per table; each row finds its card by slug. */
    private static final class Children {
        private static final String CARD = "(SELECT id FROM cards WHERE slug = ?)";
        final PreparedBatch tags;
        final PreparedBatch sections;
        final PreparedBatch citations;
        final PreparedBatch records;

        Children(Handle h) {
            tags = h.prepareBatch("INSERT OR IGNORE INTO card_tags (card_id, tag) VALUES (" + CARD + ", ?)");
            sections = h.prepareBatch(
                    "INSERT INTO card_sections (card_id, position, heading, body_html) VALUES (" + CARD + ", ?, ?, ?)");
            citations = h.prepareBatch(
                    "INSERT INTO card_citations (card_id, position, title, url, summary, summary_html) VALUES (" + CARD
                            + ", ?, ?, ?, ?, ?)");
            records = h.prepareBatch(
                    "INSERT INTO carried_records (card_id, current_streak, best_streak, total_days, as_of) VALUES ("
                            + CARD + ", ?, ?, ?, ?)");
        }

        void add(RenderedCard card) {
            CardDocument doc = card.document();
            String slug = doc.slug();
            for (String tag : doc.tags()) tags.add(slug, tag);
            for (int i = 0; i < card.sections().size(); i++) {
                var section = card.sections().get(i);
                sections.add(slug, i, section.heading(), section.html());
            }
            for (int i = 0; i < card.citations().size(); i++) {
                var c = card.citations().get(i);
                citations.add(slug, i, c.title(), c.url(), c.summary(), c.summaryHtml());
            }
            doc.streakRecord()
                    .ifPresent(r -> records.add(
                            slug,
                            r.currentStreak(),
                            r.bestStreak(),
                            r.totalDays(),
                            card.recordDate().toString()));
        }

        void write() {
            for (PreparedBatch batch : List.of(tags, sections, citations, records)) {
                if (batch.size() > 0) batch.execute();
            }
        }
    }

    private static void setArchived(Handle h, List<Long> ids, boolean archived, String now) {
        if (ids.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("UPDATE cards SET archived = ?, updated_at = ? WHERE id = ?");
        for (long id : ids) batch.add(archived ? 1 : 0, now, id);
        batch.execute();
    }

    /** Keeps the report, and the paper prompts setting the sync derived with (so a change of it derives again). */
    public void saveReport(ImportReport report, boolean paperPromptsByDefault) {
        jdbi.useTransaction(h -> saveReport(h, report, paperPromptsByDefault));
    }

    private static void saveReport(Handle h, ImportReport report, boolean paperPromptsByDefault) {
        h.createUpdate("""
                        INSERT INTO import_runs (finished_at, trigger, added, updated, unchanged, archived, restored, error_count, millis,
                                                 paper_prompts)
                        VALUES (:finishedAt, :trigger, :added, :updated, :unchanged, :archived, :restored, :errorCount, :millis,
                                :paperPrompts)""")
                .bind("paperPrompts", paperPromptsByDefault)
                .bind("finishedAt", report.finishedAt().toString())
                .bind("trigger", report.trigger())
                .bind("added", report.added())
                .bind("updated", report.updated())
                .bind("unchanged", report.unchanged())
                .bind("archived", report.archived())
                .bind("restored", report.restored())
                .bind("errorCount", report.errors().size())
                .bind("millis", report.millis())
                .execute();
        // Only the latest run is shown; older runs are noise once the next one finished.
        h.execute("DELETE FROM import_runs WHERE id NOT IN (SELECT id FROM import_runs ORDER BY id DESC LIMIT 20)");
        h.execute("DELETE FROM import_errors");
        if (report.errors().isEmpty()) return;
        PreparedBatch errors = h.prepareBatch("INSERT INTO import_errors (file, line, message) VALUES (?, ?, ?)");
        for (ImportError e : report.errors()) errors.add(e.file(), e.line(), e.message());
        errors.execute();
    }

    public Optional<ImportReport> lastReport() {
        return jdbi.withHandle(h -> {
            Optional<ImportReport> run = h.createQuery("SELECT * FROM import_runs ORDER BY id DESC LIMIT 1")
                    .map((rs, ctx) -> new ImportReport(
                            Instant.parse(rs.getString("finished_at")),
                            rs.getString("trigger"),
                            rs.getInt("added"),
                            rs.getInt("updated"),
                            rs.getInt("unchanged"),
                            rs.getInt("archived"),
                            rs.getInt("restored"),
                            List.of(),
                            rs.getLong("millis")))
                    .findOne();
            if (run.isEmpty()) return run;
            List<ImportError> errors = h.createQuery(
                            "SELECT file, line, message FROM import_errors ORDER BY file, line")
                    .map((rs, ctx) -> new ImportError(rs.getString("file"), rs.getInt("line"), rs.getString("message")))
                    .list();
            ImportReport r = run.get();
            return Optional.of(new ImportReport(
                    r.finishedAt(),
                    r.trigger(),
                    r.added(),
                    r.updated(),
                    r.unchanged(),
                    r.archived(),
                    r.restored(),
                    errors,
                    r.millis()));
        });
    }

    // ---- reading cards ----

    private static final String SUMMARY_SELECT = """
            SELECT c.id, c.slug, c.title, c.deck, c.kind, c.archived,
                   (SELECT group_concat(tag, char(31)) FROM card_tags t WHERE t.card_id = c.id) AS tags
            FROM cards c""";

    public List<CardSummary> list(Optional<String> tag, boolean archived) {
        return page(new Filter(tag, Optional.empty(), archived), 0, Integer.MAX_VALUE);
    }

    /** Which cards a list shows: one tag, one deck (with its sub-decks), active or archived ones. */
    public record Filter(Optional<String> tag, Optional<String> deck, boolean archived) {
        String where() {
            return " WHERE c.archived = :archived"
                    + (tag.isPresent()
                            ? " AND EXISTS (SELECT 1 FROM card_tags t WHERE t.card_id = c.id AND t.tag = :tag COLLATE NOCASE)"
                            : "")
                    // A deck holds its sub-decks, as the review of a deck does.
                    + (deck.isPresent()
                            ? " AND (c.deck = :deck OR substr(c.deck, 1, length(:deck) + 1) = :deck || '/')"
                            : "");
        }
    }

    /** One page of a list in the order pages show it (deck, then title), read through the listing index. */
    public List<CardSummary> page(Filter filter, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        SUMMARY_SELECT + filter.where() + " ORDER BY c.archived, c.deck, c.title COLLATE NOCASE, c.slug"
                                + " LIMIT :limit OFFSET :offset")
                .bind("archived", filter.archived() ? 1 : 0)
                .bind("tag", filter.tag().orElse(null))
                .bind("deck", filter.deck().orElse(null))
                .bind("limit", limit == Integer.MAX_VALUE ? -1 : limit)
                .bind("offset", offset)
                .map((rs, ctx) -> summary(rs))
                .list());
    }

    public int count(Filter filter) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM cards c" + filter.where())
                .bind("archived", filter.archived() ? 1 : 0)
                .bind("tag", filter.tag().orElse(null))
                .bind("deck", filter.deck().orElse(null))
                .mapTo(Integer.class)
                .one());
    }

    private static CardSummary summary(ResultSet rs) throws SQLException {
        return new CardSummary(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("deck"),
                rs.getString("kind"),
                splitTags(rs.getString("tags")),
                rs.getBoolean("archived"));
    }

    private static List<String> splitTags(String joined) {
        if (joined == null || joined.isEmpty()) return List.of();
        List<String> tags = new ArrayList<>(Arrays.asList(joined.split(TAG_SEPARATOR)));
        tags.sort(String.CASE_INSENSITIVE_ORDER);
        return tags;
    }

    public Optional<CardDetail> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cards WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new CardDetail(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("path"),
                        rs.getString("title"),
                        rs.getString("deck"),
                        rs.getString("kind"),
                        tagsOf(h, id),
                        rs.getString("question_md"),
                        rs.getString("question_html"),
                        rs.getString("answer_md"),
                        rs.getString("answer_html"),
                        JsonColumn.list(rs.getString("key_points")),
                        JsonColumn.list(rs.getString("key_points_html")),
                        sectionsOf(h, id),
                        citationsOf(h, id),
                        rs.getString("descent_spec"),
                        rs.getBoolean("archived")))
                .findOne());
    }

    /** The active card a file holds now (a file's front matter may give it another id than before). */
    public Optional<Long> idOfPath(String path) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        SELECT id FROM cards WHERE path = :path AND archived = 0 AND kind != 'paper' ORDER BY id DESC LIMIT 1""").bind("path", path).mapTo(Long.class).findFirst());
    }

    public Optional<Long> idOfSlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM cards WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(Long.class)
                .findOne());
    }

    private static List<String> tagsOf(Handle h, long id) {
        return h.createQuery("SELECT tag FROM card_tags WHERE card_id = :id ORDER BY tag COLLATE NOCASE")
                .bind("id", id)
                .mapTo(String.class)
                .list();
    }

    private static List<Section> sectionsOf(Handle h, long id) {
        return h.createQuery("SELECT heading, body_html FROM card_sections WHERE card_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> new Section(rs.getString("heading"), rs.getString("body_html")))
                .list();
    }

    private static List<Citation> citationsOf(Handle h, long id) {
        return h.createQuery(
                        "SELECT title, url, summary, summary_html, paper_id FROM card_citations WHERE card_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> new Citation(
                        rs.getString("title"),
                        rs.getString("url"),
                        rs.getString("summary"),
                        rs.getString("summary_html"),
                        rs.getObject("paper_id") == null ? null : rs.getLong("paper_id")))
                .list();
    }

    public List<Count> tagCounts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.tag AS name, count(*) AS cards FROM card_tags t JOIN cards c ON c.id = t.card_id
                        WHERE c.archived = 0 GROUP BY t.tag ORDER BY cards DESC, t.tag COLLATE NOCASE""")
                .map((rs, ctx) -> new Count(rs.getString("name"), rs.getInt("cards")))
                .list());
    }

    public List<Count> deckCounts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT deck AS name, count(*) AS cards FROM cards WHERE archived = 0
                        GROUP BY deck ORDER BY deck COLLATE NOCASE""")
                .map((rs, ctx) -> new Count(rs.getString("name"), rs.getInt("cards")))
                .list());
    }

    /** The carried-over streak record with the latest date wins (DESIGN section 6). */
    public Optional<CarriedRecord> latestCarriedRecord() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.current_streak, r.best_streak, r.total_days, r.as_of, c.title
                        FROM carried_records r JOIN cards c ON c.id = r.card_id
                        WHERE c.archived = 0 ORDER BY r.as_of DESC, c.id DESC LIMIT 1""")
                .map((rs, ctx) -> new CarriedRecord(
                        rs.getInt(1), rs.getInt(2), rs.getInt(3), LocalDate.parse(rs.getString(4)), rs.getString(5)))
                .findOne());
    }
}
