package dev.gradientdeck.papers;

import dev.gradientdeck.papers.PaperViews.CitingCard;
import dev.gradientdeck.papers.PaperViews.Note;
import dev.gradientdeck.papers.PaperViews.PaperDetail;
import dev.gradientdeck.papers.PaperViews.PaperSummary;
import dev.gradientdeck.papers.PaperViews.TagCount;
import dev.gradientdeck.papers.ReadingLog.Citation;
import dev.gradientdeck.papers.ReadingLog.Paper;
import dev.gradientdeck.papers.ReadingLog.Prompt;
import dev.gradientdeck.web.Markdown;
import dev.gradientdeck.db.JsonColumn;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All SQL about papers: the paper files of the deck, the paper records derived from them and from every card's
 * citations, the links between the two, and the review prompts made from paper summaries.
 *
 * <p>The writes run on the import's handle, inside its transaction, so cards, papers, links and prompts always change
 * together; the reads serve the pages and the API.
 */
public final class PaperRepository {
    private static final String SEPARATOR = "\u001f";
    private static final String PROMPT_SLUG_PREFIX = "paper/";

    private final Jdbi jdbi;

    public PaperRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A paper file ready to store, its notes rendered to safe HTML once, at import. */
    public record PaperFile(String path, String deck, String contentHash, PaperNote note, String notesHtml,
                            java.util.Optional<Boolean> paperPrompts) {}

    /** What the database knows of a stored paper file, to tell unchanged files from changed ones. */
    public record StoredNote(String path, String contentHash) {}

    /**
     * The paper files one sync writes, and the stored ones it keeps as they are: unchanged, or broken now (a broken
     * file keeps its last good version). Every other stored paper file is gone from the deck and is removed.
     */
    public record NoteChanges(List<PaperFile> changed, Set<String> kept) {}

    /** A file's choice of paper prompts as stored: "on", "off", or NULL when it says nothing. */
    public static String promptChoice(java.util.Optional<Boolean> choice) {
        return choice.map(on -> on ? "on" : "off").orElse(null);
    }

    /** Slugs of this shape belong to paper prompts; a card file cannot take one. */
    public static boolean isPromptSlug(String slug) {
        return slug.startsWith(PROMPT_SLUG_PREFIX) && slug.contains(":");
    }

    public List<StoredNote> storedNotes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT path, content_hash FROM paper_notes")
                .map((rs, ctx) -> new StoredNote(rs.getString("path"), rs.getString("content_hash")))
                .list());
    }

    // ---- writing, inside the import transaction ----

    /**
     * Stores the paper files, then brings papers, links and prompts in line with what the deck says now. A deck has
     * prompts when one of its files asks for them ({@code paper-prompts: true}) or, when none chose, when
     * {@code promptsByDefault} (the learner's setting) says so; one file saying {@code false} turns them off for its deck.
     */
    public static void sync(Handle h, NoteChanges notes, String now, boolean promptsByDefault) {
        writeNotes(h, notes);
        List<Paper> papers = ReadingLog.of(notesOf(h), citationsOf(h));
        Map<String, Boolean> chosen = new HashMap<>();
        h.createQuery("""
                        SELECT deck, paper_prompts_choice FROM cards WHERE archived = 0 AND kind != 'paper' AND paper_prompts_choice IS NOT NULL
                        UNION SELECT deck, paper_prompts_choice FROM paper_notes WHERE paper_prompts_choice IS NOT NULL""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2).equals("on")))
                .forEach(e -> chosen.merge(e.getKey(), e.getValue(), Boolean::logicalAnd));
        java.util.function.Predicate<String> wantsPrompts = deck -> chosen.getOrDefault(deck, promptsByDefault);

        List<StoredPaper> stored = h.createQuery("SELECT id, paper_key, identities, content_hash, archived, prompt_card_id FROM papers ORDER BY id")
                .map((rs, ctx) -> new StoredPaper(rs.getLong("id"), rs.getString("paper_key"),
                        new HashSet<>(Arrays.asList(rs.getString("identities").split("\n"))), rs.getString("content_hash"),
                        rs.getBoolean("archived"), nullableLong(rs, "prompt_card_id")))
                .list();
        Map<Paper, StoredPaper> matched = match(papers, stored);
        Set<Long> present = new HashSet<>();
        for (Paper paper : papers) {
            StoredPaper before = matched.get(paper);
            long id = writePaper(h, paper, before);
            present.add(id);
            link(h, id, paper);
            Long promptId = before == null ? null : before.promptCardId();
            writePrompt(h, id, paper, paper.prompt(wantsPrompts), promptId, now);
        }
        for (StoredPaper gone : stored) {
            if (present.contains(gone.id())) continue;
            // Nothing in the deck mentions it any more: kept (its id and its prompt's history with it) but hidden.
            if (!gone.archived()) h.execute("UPDATE papers SET archived = 1 WHERE id = ?", gone.id());
            if (gone.promptCardId() != null) archiveCard(h, gone.promptCardId(), now);
        }
    }

    private record StoredPaper(long id, String key, Set<String> identities, String contentHash, boolean archived,
                               Long promptCardId) {}

    private static void writeNotes(Handle h, NoteChanges notes) {
        Set<String> keep = new HashSet<>(notes.kept());
        notes.changed().forEach(n -> keep.add(n.path()));
        for (String path : h.createQuery("SELECT path FROM paper_notes").mapTo(String.class).list()) {
            if (!keep.contains(path)) h.execute("DELETE FROM paper_notes WHERE path = ?", path);
        }
        for (PaperFile file : notes.changed()) {
            PaperNote note = file.note();
            h.createUpdate("""
                            INSERT INTO paper_notes (path, deck, title, authors, year, url, arxiv_id, doi, status, read_date, tags,
                                                     notes_md, notes_html, paper_prompts_choice, content_hash)
                            VALUES (:path, :deck, :title, :authors, :year, :url, :arxivId, :doi, :status, :readDate, :tags,
                                    :notes, :notesHtml, :paperPrompts, :hash)
                            ON CONFLICT (path) DO UPDATE SET
                                deck = excluded.deck, title = excluded.title, authors = excluded.authors, year = excluded.year,
                                url = excluded.url, arxiv_id = excluded.arxiv_id, doi = excluded.doi, status = excluded.status,
                                read_date = excluded.read_date, tags = excluded.tags, notes_md = excluded.notes_md,
                                notes_html = excluded.notes_html, paper_prompts_choice = excluded.paper_prompts_choice,
                                content_hash = excluded.content_hash""")
                    .bind("path", file.path())
                    .bind("deck", file.deck())
                    .bind("title", note.title())
                    .bind("authors", JsonColumn.of(note.authors()))
                    .bind("year", note.year())
                    .bind("url", note.url())
                    .bind("arxivId", note.arxivId())
                    .bind("doi", note.doi())
                    .bind("status", note.status().written())
                    .bind("readDate", note.readDate() == null ? null : note.readDate().toString())
                    .bind("tags", JsonColumn.of(note.tags()))
                    .bind("notes", note.notes())
                    .bind("notesHtml", file.notesHtml())
                    .bind("paperPrompts", promptChoice(file.paperPrompts()))
                    .bind("hash", file.contentHash())
                    .execute();
        }
    }

    private static List<ReadingLog.Note> notesOf(Handle h) {
        return h.createQuery("SELECT * FROM paper_notes ORDER BY path")
                .map((rs, ctx) -> new ReadingLog.Note(rs.getString("path"), rs.getString("deck"), new PaperNote(
                        rs.getString("title"), JsonColumn.list(rs.getString("authors")), nullableInt(rs, "year"),
                        rs.getString("url"), rs.getString("arxiv_id"), rs.getString("doi"), status(rs.getString("status")),
                        date(rs.getString("read_date")), JsonColumn.list(rs.getString("tags")), rs.getString("notes_md"))))
                .list();
    }

    private static List<Citation> citationsOf(Handle h) {
        return h.createQuery("""
                        SELECT cc.card_id, cc.position, c.path, c.deck, cc.title, cc.url, cc.summary,
                               (SELECT group_concat(tag, char(31)) FROM card_tags t WHERE t.card_id = c.id) AS tags
                        FROM card_citations cc JOIN cards c ON c.id = cc.card_id
                        WHERE c.archived = 0 AND c.kind != 'paper'
                        ORDER BY c.slug, cc.position""")
                .map((rs, ctx) -> new Citation(rs.getLong("card_id"), rs.getInt("position"), rs.getString("path"),
                        rs.getString("deck"), split(rs.getString("tags")), rs.getString("title"), rs.getString("url"),
                        rs.getString("summary")))
                .list();
    }

    /**
     * Which stored paper each paper of the deck is. First by key, then by any shared identity (a paper whose key
     * improved, say from its URL to its DOI, keeps its id); the oldest record wins when several fit.
     */
    private static Map<Paper, StoredPaper> match(List<Paper> papers, List<StoredPaper> stored) {
        Map<Paper, StoredPaper> matched = new IdentityHashMap<>();
        Set<Long> taken = new HashSet<>();
        Map<String, StoredPaper> byKey = stored.stream().collect(Collectors.toMap(StoredPaper::key, s -> s));
        for (Paper paper : papers) {
            StoredPaper same = byKey.get(paper.key().text());
            if (same != null && taken.add(same.id())) matched.put(paper, same);
        }
        for (Paper paper : papers) {
            if (matched.containsKey(paper)) continue;
            Set<String> identities = identityTexts(paper);
            stored.stream()
                    .filter(s -> !taken.contains(s.id()) && s.identities().stream().anyMatch(identities::contains))
                    .findFirst()
                    .ifPresent(s -> {
                        taken.add(s.id());
                        matched.put(paper, s);
                    });
        }
        return matched;
    }

    private static Set<String> identityTexts(Paper paper) {
        return paper.identities().stream().map(PaperKey::text).collect(Collectors.toSet());
    }

    /** Inserts or updates the paper's row when what it says changed; returns its id. */
    private static long writePaper(Handle h, Paper paper, StoredPaper before) {
        List<String> tags = paper.tags();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("key", paper.key().text());
        columns.put("identities", paper.identities().stream().map(PaperKey::text).collect(Collectors.joining("\n")));
        columns.put("title", paper.title());
        columns.put("authors", JsonColumn.of(paper.authors()));
        columns.put("year", paper.year());
        columns.put("url", paper.url());
        columns.put("arxivId", paper.arxivId());
        columns.put("doi", paper.doi());
        columns.put("status", paper.status().written());
        columns.put("readDate", paper.readDate() == null ? null : paper.readDate().toString());
        columns.put("summary", paper.summary());
        // The paper files' content hashes stand for their notes, which pages and the search index read from paper_notes.
        String hash = sha256(columns.values().stream().map(String::valueOf).collect(Collectors.joining(SEPARATOR))
                + SEPARATOR + String.join(SEPARATOR, tags) + SEPARATOR + noteHashes(h, paper));
        columns.put("hash", hash);

        long id;
        if (before == null) {
            id = h.createUpdate("""
                            INSERT INTO papers (paper_key, identities, title, authors, year, url, arxiv_id, doi, status, read_date,
                                                summary_md, content_hash, archived)
                            VALUES (:key, :identities, :title, :authors, :year, :url, :arxivId, :doi, :status, :readDate,
                                    :summary, :hash, 0)""")
                    .bindMap(columns)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } else {
            id = before.id();
            if (hash.equals(before.contentHash()) && !before.archived()) return id;
            h.createUpdate("""
                            UPDATE papers SET paper_key = :key, identities = :identities, title = :title, authors = :authors,
                                   year = :year, url = :url, arxiv_id = :arxivId, doi = :doi, status = :status,
                                   read_date = :readDate, summary_md = :summary, content_hash = :hash, archived = 0
                            WHERE id = :id""")
                    .bindMap(columns)
                    .bind("id", id)
                    .execute();
            h.execute("DELETE FROM paper_tags WHERE paper_id = ?", id);
        }
        insertTags(h, "INSERT OR IGNORE INTO paper_tags (paper_id, tag) VALUES (?, ?)", id, tags);
        return id;
    }

    private static String noteHashes(Handle h, Paper paper) {
        return paper.notes().stream()
                .map(n -> n.path() + " " + h.createQuery("SELECT content_hash FROM paper_notes WHERE path = :path")
                        .bind("path", n.path()).mapTo(String.class).one())
                .collect(Collectors.joining(SEPARATOR));
    }

    /** Points each citation and paper file at the paper it was matched to. */
    private static void link(Handle h, long id, Paper paper) {
        if (!paper.citations().isEmpty()) {
            PreparedBatch citations = h.prepareBatch(
                    "UPDATE card_citations SET paper_id = ? WHERE card_id = ? AND position = ? AND paper_id IS NOT ?");
            for (Citation c : paper.citations()) citations.add(id, c.cardId(), c.position(), id);
            citations.execute();
        }
        for (ReadingLog.Note note : paper.notes()) {
            h.execute("UPDATE paper_notes SET paper_id = ? WHERE path = ? AND paper_id IS NOT ?", id, note.path(), id);
        }
    }

    /**
     * A paper with a summary is a card of kind 'paper' (slug {@code paper/<key>}), scheduled like any other; a paper
     * that loses its summary, or whose deck switched prompts off, archives its prompt and so keeps its review history.
     */
    private static void writePrompt(Handle h, long paperId, Paper paper, Optional<Prompt> prompt, Long promptId, String now) {
        if (prompt.isEmpty()) {
            if (promptId != null) archiveCard(h, promptId, now);
            return;
        }
        Prompt p = prompt.get();
        String slug = PROMPT_SLUG_PREFIX + paper.key().text();
        List<String> tags = paper.tags();
        String hash = sha256(String.join(SEPARATOR, slug, p.sourcePath(), p.deck(), paper.title(), p.prompt().question(),
                p.prompt().answer(), Objects.toString(paper.url(), ""), String.join(" ", tags)));
        if (promptId == null) {
            promptId = h.createQuery("SELECT id FROM cards WHERE slug = :slug").bind("slug", slug).mapTo(Long.class).findOne().orElse(null);
        }
        Optional<String> storedHash = promptId == null ? Optional.empty()
                : h.createQuery("SELECT content_hash || char(31) || archived FROM cards WHERE id = :id").bind("id", promptId)
                        .mapTo(String.class).findOne();
        if (storedHash.isPresent() && storedHash.get().equals(hash + SEPARATOR + "0")) return;

        Map<String, Object> columns = new HashMap<>();
        columns.put("slug", slug);
        columns.put("path", p.sourcePath());
        columns.put("deck", p.deck());
        columns.put("title", paper.title());
        columns.put("question", p.prompt().question());
        columns.put("questionHtml", Markdown.toSafeHtml(p.prompt().question()));
        columns.put("answer", p.prompt().answer());
        columns.put("answerHtml", Markdown.toSafeHtml(p.prompt().answer()));
        columns.put("hash", hash);
        columns.put("now", now);
        if (storedHash.isEmpty()) {
            promptId = h.createUpdate("""
                            INSERT INTO cards (slug, path, deck, title, kind, question_md, question_html, answer_md, answer_html,
                                               key_points, content_hash, archived, created_at, updated_at)
                            VALUES (:slug, :path, :deck, :title, 'paper', :question, :questionHtml, :answer, :answerHtml,
                                    '[]', :hash, 0, :now, :now)""")
                    .bindMap(columns)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("UPDATE papers SET prompt_card_id = ? WHERE id = ?", promptId, paperId);
        } else {
            // A slug taken by another card (left over from an older key) keeps the prompt at its current slug.
            boolean slugTaken = h.createQuery("SELECT count(*) FROM cards WHERE slug = :slug AND id != :id")
                    .bind("slug", slug).bind("id", promptId).mapTo(Integer.class).one() > 0;
            h.createUpdate("""
                            UPDATE cards SET slug = CASE WHEN :slugTaken THEN slug ELSE :slug END, path = :path, deck = :deck,
                                   title = :title, question_md = :question, question_html = :questionHtml, answer_md = :answer,
                                   answer_html = :answerHtml, content_hash = :hash, archived = 0, updated_at = :now
                            WHERE id = :id""")
                    .bindMap(columns)
                    .bind("slugTaken", slugTaken)
                    .bind("id", promptId)
                    .execute();
            h.execute("DELETE FROM card_tags WHERE card_id = ?", promptId);
            h.execute("DELETE FROM card_citations WHERE card_id = ?", promptId);
            h.execute("UPDATE papers SET prompt_card_id = ? WHERE id = ?", promptId, paperId);
        }
        insertTags(h, "INSERT OR IGNORE INTO card_tags (card_id, tag) VALUES (?, ?)", promptId, tags);
        // The prompt cites its paper, so its card page links there like any other card's citations.
        h.execute("INSERT INTO card_citations (card_id, position, title, url, summary, summary_html, paper_id) VALUES (?, 0, ?, ?, '', '', ?)",
                promptId, paper.title(), paper.url(), paperId);
    }

    private static void archiveCard(Handle h, long cardId, String now) {
        h.execute("UPDATE cards SET archived = 1, updated_at = ? WHERE id = ? AND archived = 0", now, cardId);
    }

    private static void insertTags(Handle h, String sql, long id, List<String> tags) {
        if (tags.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch(sql);
        for (String tag : tags) batch.add(id, tag);
        batch.execute();
    }

    // ---- reading ----

    /** How the papers list is ordered. */
    public enum Sort {
        READ("read"), TITLE("title");

        private final String written;

        Sort(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }

        public static Optional<Sort> parse(String text) {
            return Arrays.stream(values()).filter(s -> s.written.equalsIgnoreCase(text.strip())).findFirst();
        }
    }

    private static final String SUMMARY_SELECT = """
            SELECT p.*, (SELECT group_concat(tag, char(31)) FROM paper_tags t WHERE t.paper_id = p.id) AS tags
            FROM papers p""";

    public List<PaperSummary> list(Optional<String> tag, Optional<PaperNote.Status> status, Sort sort) {
        return page(tag, status, sort, 0, Integer.MAX_VALUE).papers();
    }

    /** One page of the filtered papers in order, and how many there are in all; citing cards are read for that page only. */
    public record Page(List<PaperSummary> papers, int total) {}

    public Page page(Optional<String> tag, Optional<PaperNote.Status> status, Sort sort, int offset, int limit) {
        String where = """
                 WHERE p.archived = 0
                   AND (:tag IS NULL OR EXISTS (SELECT 1 FROM paper_tags t WHERE t.paper_id = p.id AND t.tag = :tag COLLATE NOCASE))
                   AND (:status IS NULL OR p.status = :status)""";
        String order = switch (sort) {
            // Papers never dated sort after the dated ones, by title.
            case READ -> " ORDER BY p.read_date IS NULL, p.read_date DESC, p.title COLLATE NOCASE";
            case TITLE -> " ORDER BY p.title COLLATE NOCASE, p.id";
        };
        return jdbi.withHandle(h -> {
            int total = h.createQuery("SELECT count(*) FROM papers p\n" + where).bind("tag", tag.orElse(null))
                    .bind("status", status.map(PaperNote.Status::written).orElse(null)).mapTo(Integer.class).one();
            List<Map.Entry<Long, PaperSummary>> rows = h.createQuery(SUMMARY_SELECT + "\n" + where + order + " LIMIT :limit OFFSET :offset")
                    .bind("tag", tag.orElse(null))
                    .bind("status", status.map(PaperNote.Status::written).orElse(null))
                    .bind("limit", limit == Integer.MAX_VALUE ? -1 : limit).bind("offset", offset)
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), summary(rs, List.of())))
                    .list();
            Map<Long, List<Long>> cards = citingCards(h, rows.size() == total ? null : rows.stream().map(Map.Entry::getKey).toList());
            return new Page(rows.stream().map(e -> e.getValue().withCardIds(cards.getOrDefault(e.getKey(), List.of()))).toList(), total);
        });
    }

    private static PaperSummary summary(ResultSet rs, List<Long> cardIds) throws SQLException {
        return new PaperSummary(rs.getLong("id"), rs.getString("title"), JsonColumn.list(rs.getString("authors")),
                nullableInt(rs, "year"), rs.getString("url"), rs.getString("arxiv_id"),
                rs.getString("status"), date(rs.getString("read_date")), sortedTags(rs.getString("tags")),
                rs.getString("summary_md"), cardIds);
    }

    /** Active cards (not prompts) citing each paper. */
    /** The active cards citing each paper: of the papers given, or of all papers when {@code paperIds} is null. */
    private static Map<Long, List<Long>> citingCards(Handle h, List<Long> paperIds) {
        Map<Long, List<Long>> cards = new HashMap<>();
        if (paperIds != null && paperIds.isEmpty()) return cards;
        h.createQuery("""
                        SELECT DISTINCT cc.paper_id, cc.card_id FROM card_citations cc JOIN cards c ON c.id = cc.card_id
                        WHERE cc.paper_id IS NOT NULL AND c.archived = 0 AND c.kind != 'paper' <only>
                        ORDER BY cc.paper_id, cc.card_id""")
                .define("only", paperIds == null ? "" : "AND cc.paper_id IN (" + paperIds.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> cards.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return cards;
    }

    public Optional<PaperDetail> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SUMMARY_SELECT + " WHERE p.id = :id").bind("id", id)
                .map((rs, ctx) -> new PaperDetail(rs.getLong("id"), rs.getString("paper_key"), rs.getString("title"),
                        JsonColumn.list(rs.getString("authors")), nullableInt(rs, "year"), rs.getString("url"),
                        rs.getString("arxiv_id"), rs.getString("doi"), rs.getString("status"), date(rs.getString("read_date")),
                        sortedTags(rs.getString("tags")), rs.getString("summary_md"), citingCardsOf(h, id), notesOf(h, id),
                        activePrompt(h, nullableLong(rs, "prompt_card_id")), rs.getBoolean("archived")))
                .findOne());
    }

    private static List<CitingCard> citingCardsOf(Handle h, long paperId) {
        return h.createQuery("""
                        SELECT c.id, c.title AS card_title, c.deck, cc.title, cc.url, cc.summary, cc.summary_html
                        FROM card_citations cc JOIN cards c ON c.id = cc.card_id
                        WHERE cc.paper_id = :id AND c.archived = 0 AND c.kind != 'paper'
                        ORDER BY c.slug, cc.position""")
                .bind("id", paperId)
                .map((rs, ctx) -> new CitingCard(rs.getLong("id"), rs.getString("card_title"), rs.getString("deck"),
                        rs.getString("title"), rs.getString("url"), rs.getString("summary"), rs.getString("summary_html")))
                .list();
    }

    private static List<Note> notesOf(Handle h, long paperId) {
        return h.createQuery("SELECT path, notes_md, notes_html FROM paper_notes WHERE paper_id = :id ORDER BY path")
                .bind("id", paperId)
                .map((rs, ctx) -> new Note(rs.getString("path"), rs.getString("notes_md"), rs.getString("notes_html")))
                .list();
    }

    private static Long activePrompt(Handle h, Long cardId) {
        if (cardId == null) return null;
        return h.createQuery("SELECT id FROM cards WHERE id = :id AND archived = 0").bind("id", cardId)
                .mapTo(Long.class).findOne().orElse(null);
    }

    public List<TagCount> tagCounts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.tag AS name, count(*) AS papers FROM paper_tags t JOIN papers p ON p.id = t.paper_id
                        WHERE p.archived = 0 GROUP BY t.tag ORDER BY papers DESC, t.tag COLLATE NOCASE""")
                .map((rs, ctx) -> new TagCount(rs.getString("name"), rs.getInt("papers"))).list());
    }

    /** Every listed paper as a reference manager sees it, by title, for the BibTeX and CSL-JSON exports. */
    public List<BibEntry> bibliography() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM papers WHERE archived = 0 ORDER BY title COLLATE NOCASE, id")
                .map((rs, ctx) -> new BibEntry(rs.getString("title"), JsonColumn.list(rs.getString("authors")),
                        nullableInt(rs, "year"), rs.getString("url"), rs.getString("arxiv_id"),
                        rs.getString("doi"), null))
                .list());
    }

    // ---- values ----

    private static PaperNote.Status status(String written) {
        return Arrays.stream(PaperNote.Status.values()).filter(s -> s.written().equals(written)).findFirst()
                .orElseThrow(() -> new IllegalStateException("stored paper status '" + written + "' is not one of the known ones"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }

    private static List<String> sortedTags(String joined) {
        List<String> tags = new ArrayList<>(split(joined));
        tags.sort(String.CASE_INSENSITIVE_ORDER);
        return tags;
    }



    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
