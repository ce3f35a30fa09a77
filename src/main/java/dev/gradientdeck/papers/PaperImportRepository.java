package dev.gradientdeck.papers;

import dev.gradientdeck.db.JsonColumn;
import dev.gradientdeck.papers.ReadingLog.Citation;
import dev.gradientdeck.papers.ReadingLog.Paper;
import dev.gradientdeck.papers.ReadingLog.Prompt;
import dev.gradientdeck.web.Markdown;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The import's SQL about papers: the deck's paper files, the paper records derived from them and from every card's
 * citations, the links between the two, and the review prompts made from paper summaries. The writes run on the
 * import's handle, inside its transaction, so cards, papers, links and prompts always change together.
 */
public final class PaperImportRepository {
    private static final String PROMPT_SLUG_PREFIX = "paper/";

    private final Jdbi jdbi;

    public PaperImportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A paper file ready to store, its notes rendered to safe HTML once, at import. */
    public record PaperFile(
            String path,
            String deck,
            String contentHash,
            PaperNote note,
            String notesHtml,
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

        List<StoredPaper> stored = h.createQuery(
                        "SELECT id, paper_key, identities, content_hash, archived, prompt_card_id FROM papers ORDER BY id")
                .map((rs, ctx) -> new StoredPaper(
                        rs.getLong("id"),
                        rs.getString("paper_key"),
                        new HashSet<>(Arrays.asList(rs.getString("identities").split("\n"))),
                        rs.getString("content_hash"),
                        rs.getBoolean("archived"),
                        PaperColumns.nullableLong(rs, "prompt_card_id")))
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

    private record StoredPaper(
            long id, String key, Set<String> identities, String contentHash, boolean archived, Long promptCardId) {}

    private static void writeNotes(Handle h, NoteChanges notes) {
        Set<String> keep = new HashSet<>(notes.kept());
        notes.changed().forEach(n -> keep.add(n.path()));
        for (String path : h.createQuery("SELECT path FROM paper_notes")
                .mapTo(String.class)
                .list()) {
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
                    .bind(
                            "readDate",
                            note.readDate() == null ? null : note.readDate().toString())
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
                .map((rs, ctx) -> new ReadingLog.Note(
                        rs.getString("path"),
                        rs.getString("deck"),
                        new PaperNote(
                                rs.getString("title"),
                                JsonColumn.list(rs.getString("authors")),
                                PaperColumns.nullableInt(rs, "year"),
                                rs.getString("url"),
                                rs.getString("arxiv_id"),
                                rs.getString("doi"),
                                PaperColumns.status(rs.getString("status")),
                                PaperColumns.date(rs.getString("read_date")),
                                JsonColumn.list(rs.getString("tags")),
                                rs.getString("notes_md"))))
                .list();
    }

    private static List<Citation> citationsOf(Handle h) {
        return h.createQuery("""
                        SELECT cc.card_id, cc.position, c.path, c.deck, cc.title, cc.url, cc.summary,
                               (SELECT group_concat(tag, char(31)) FROM card_tags t WHERE t.card_id = c.id) AS tags
                        FROM card_citations cc JOIN cards c ON c.id = cc.card_id
                        WHERE c.archived = 0 AND c.kind != 'paper'
                        ORDER BY c.slug, cc.position""")
                .map((rs, ctx) -> new Citation(
                        rs.getLong("card_id"),
                        rs.getInt("position"),
                        rs.getString("path"),
                        rs.getString("deck"),
                        PaperColumns.split(rs.getString("tags")),
                        rs.getString("title"),
                        rs.getString("url"),
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
                    .filter(s ->
                            !taken.contains(s.id()) && s.identities().stream().anyMatch(identities::contains))
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
        columns.put(
                "identities", paper.identities().stream().map(PaperKey::text).collect(Collectors.joining("\n")));
        columns.put("title", paper.title());
        columns.put("authors", JsonColumn.of(paper.authors()));
        columns.put("year", paper.year());
        columns.put("url", paper.url());
        columns.put("arxivId", paper.arxivId());
        columns.put("doi", paper.doi());
        columns.put("status", paper.status().written());
        columns.put(
                "readDate", paper.readDate() == null ? null : paper.readDate().toString());
        columns.put("summary", paper.summary());
        // The paper files' content hashes stand for their notes, which pages and the search index read from
        // paper_notes.
        String hash = sha256(
                columns.values().stream().map(String::valueOf).collect(Collectors.joining(PaperColumns.SEPARATOR))
                        + PaperColumns.SEPARATOR
                        + String.join(PaperColumns.SEPARATOR, tags)
                        + PaperColumns.SEPARATOR
                        + noteHashes(h, paper));
        columns.put("hash", hash);

        long id;
        if (before == null) {
            id = h.createUpdate("""
                            INSERT INTO papers (paper_key, identities, title, authors, year, url, arxiv_id, doi, status, read_date,
                                                summary_md, content_hash, archived)
                            VALUES (:key, :identities, :title, :authors, :year, :url, :arxivId, :doi, :status, :readDate,
                                    :summary, :hash, 0)""")
                    .bindMap(columns)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
        } else {
            id = before.id();
            if (hash.equals(before.contentHash()) && !before.archived()) return id;
            h.createUpdate("""
                            UPDATE papers SET paper_key = :key, identities = :identities, title = :title, authors = :authors,
                                   year = :year, url = :url, arxiv_id = :arxivId, doi = :doi, status = :status,
                                   read_date = :readDate, summary_md = :summary, content_hash = :hash, archived = 0
                            WHERE id = :id""").bindMap(columns).bind("id", id).execute();
            h.execute("DELETE FROM paper_tags WHERE paper_id = ?", id);
        }
        insertTags(h, "INSERT OR IGNORE INTO paper_tags (paper_id, tag) VALUES (?, ?)", id, tags);
        return id;
    }

    private static String noteHashes(Handle h, Paper paper) {
        return paper.notes().stream()
                .map(n -> n.path() + " "
                        + h.createQuery("SELECT content_hash FROM paper_notes WHERE path = :path")
                                .bind("path", n.path())
                                .mapTo(String.class)
                                .one())
                .collect(Collectors.joining(PaperColumns.SEPARATOR));
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
    private static void writePrompt(
            Handle h, long paperId, Paper paper, Optional<Prompt> prompt, Long promptId, String now) {
        if (prompt.isEmpty()) {
            if (promptId != null) archiveCard(h, promptId, now);
            return;
        }
        Prompt p = prompt.get();
        String slug = PROMPT_SLUG_PREFIX + paper.key().text();
        List<String> tags = paper.tags();
        String hash = sha256(String.join(
                PaperColumns.SEPARATOR,
                slug,
                p.sourcePath(),
                p.deck(),
                paper.title(),
                p.prompt().question(),
                p.prompt().answer(),
                Objects.toString(paper.url(), ""),
                String.join(" ", tags)));
        if (promptId == null) {
            promptId = h.createQuery("SELECT id FROM cards WHERE slug = :slug")
                    .bind("slug", slug)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(null);
        }
        Optional<String> storedHash = promptId == null
                ? Optional.empty()
                : h.createQuery("SELECT content_hash || char(31) || archived FROM cards WHERE id = :id")
                        .bind("id", promptId)
                        .mapTo(String.class)
                        .findOne();
        if (storedHash.isPresent() && storedHash.get().equals(hash + PaperColumns.SEPARATOR + "0")) return;

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
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            h.execute("UPDATE papers SET prompt_card_id = ? WHERE id = ?", promptId, paperId);
        } else {
            // A slug taken by another card (left over from an older key) keeps the prompt at its current slug.
            boolean slugTaken = h.createQuery("SELECT count(*) FROM cards WHERE slug = :slug AND id != :id")
                            .bind("slug", slug)
                            .bind("id", promptId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
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
        h.execute(
                "INSERT INTO card_citations (card_id, position, title, url, summary, summary_html, paper_id) VALUES (?, 0, ?, ?, '', '', ?)",
                promptId,
                paper.title(),
                paper.url(),
                paperId);
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

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
