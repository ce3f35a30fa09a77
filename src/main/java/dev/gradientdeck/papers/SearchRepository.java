package dev.gradientdeck.papers;

import dev.gradientdeck.db.JsonColumn;
import dev.gradientdeck.papers.PaperViews.SearchHit;
import dev.gradientdeck.present.Html;
import dev.gradientdeck.web.Markdown;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * All SQL about search: the FTS5 index over active cards (title, question, answer, tags) and papers (title, summaries,
 * notes, tags), and queries against it ranked by bm25.
 *
 * <p>The index is brought up to date inside the import transaction: each indexed document remembers the content hash
 * it was built from, so only what changed is indexed again, and a database that predates the index fills it on the
 * first import.
 */
public final class SearchRepository {
    // Private-use characters cannot come from a card (they are removed from indexed text), so they mark the matches
    // unambiguously until the snippet is escaped; only then do they become <mark> tags.
    private static final char MARK_OPEN = '\uE000';
    private static final char MARK_CLOSE = '\uE001';

    private final Jdbi jdbi;

    public SearchRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The best matches first: cards and papers whose title holds every word come first (whole words before a last word that
     * only begins one, so "adam" puts Adam before AdamW), the shorter, more focused title first (FTS5's bm25 measures a row's whole length, not its title's); then bm25 with column
     * weights (title 20, tags 6, question or summary 2, the rest 1). The title groups are explicit because bm25 alone
     * cannot promise them: a word in most documents has an inverse document frequency near zero, and then every score is
     * near zero. The
     * snippet comes from the question or summary, or the answer or notes, whichever holds a match (the title is shown
     * anyway); it is plain text, math included.
     */
    public List<SearchHit> search(SearchQuery query, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.type, d.item_id, d.title, (SELECT c.deck FROM cards c WHERE d.type = 'card' AND c.id = d.item_id) AS deck,
                               snippet(search_index, 1, char(57344), char(57345), '…', 16) AS body,
                               snippet(search_index, 2, char(57344), char(57345), '…', 16) AS detail
                        FROM search_index JOIN search_docs d ON d.id = search_index.rowid
                        WHERE search_index MATCH :match
                        ORDER BY d.id IN (SELECT rowid FROM search_index WHERE search_index MATCH :wholeInTitle) DESC,
                                 d.id IN (SELECT rowid FROM search_index WHERE search_index MATCH :inTitle) DESC,
                                 CASE WHEN d.id IN (SELECT rowid FROM search_index WHERE search_index MATCH :inTitle) THEN length(d.title) END,
                                 bm25(search_index, 20.0, 2.0, 1.0, 6.0), d.id
                        LIMIT :limit""")
                .bind("match", query.match())
                .bind("inTitle", "title : (" + query.match() + ")")
                .bind("wholeInTitle", "title : (" + query.matchWholeWords() + ")")
                .bind("limit", limit)
                .map((rs, ctx) -> new SearchHit(
                        rs.getString("type"),
                        rs.getLong("item_id"),
                        rs.getString("title"),
                        highlighted(snippet(rs.getString("body"), rs.getString("detail"))),
                        rs.getString("deck")))
                .list());
    }

    private static String snippet(String body, String detail) {
        if (detail.indexOf(MARK_OPEN) >= 0 && body.indexOf(MARK_OPEN) < 0) return detail;
        return body.isBlank() ? detail : body;
    }

    private static String highlighted(String snippet) {
        return Html.escape(snippet)
                .replace(String.valueOf(MARK_OPEN), "<mark>")
                .replace(String.valueOf(MARK_CLOSE), "</mark>");
    }

    /** Drops what is no longer active and (re)indexes what is new or changed since it was indexed. */
    public static void refresh(Handle h) {
        h.execute(
                "DELETE FROM search_docs WHERE type = 'card' AND item_id NOT IN (SELECT id FROM cards WHERE archived = 0 AND kind != 'paper')");
        h.execute(
                "DELETE FROM search_docs WHERE type = 'paper' AND item_id NOT IN (SELECT id FROM papers WHERE archived = 0)");

        // Paper prompts are not indexed as cards: the paper they ask about is found itself.
        List<Source> cards = h.createQuery("""
                        SELECT c.id, c.content_hash, c.title, c.question_md, c.answer_md, c.key_points,
                               (SELECT group_concat(tag, ' ') FROM card_tags t WHERE t.card_id = c.id) AS tags
                        FROM cards c LEFT JOIN search_docs d ON d.type = 'card' AND d.item_id = c.id
                        WHERE c.archived = 0 AND c.kind != 'paper' AND (d.id IS NULL OR d.source_hash != c.content_hash)""")
                .map((rs, ctx) -> new Source(
                        "card",
                        rs.getLong("id"),
                        rs.getString("content_hash"),
                        rs.getString("title"),
                        rs.getString("question_md"),
                        rs.getString("answer_md"),
                        String.join("\n", JsonColumn.list(rs.getString("key_points"))),
                        rs.getString("tags")))
                .list();
        List<Source> papers = h.createQuery("""
                        SELECT p.id, p.content_hash, p.title, p.summary_md, p.authors,
                               (SELECT group_concat(notes_md, char(10) || char(10)) FROM paper_notes n WHERE n.paper_id = p.id) AS notes,
                               (SELECT group_concat(tag, ' ') FROM paper_tags t WHERE t.paper_id = p.id) AS tags
                        FROM papers p LEFT JOIN search_docs d ON d.type = 'paper' AND d.item_id = p.id
                        WHERE p.archived = 0 AND (d.id IS NULL OR d.source_hash != p.content_hash)""")
                .map((rs, ctx) -> new Source(
                        "paper",
                        rs.getLong("id"),
                        rs.getString("content_hash"),
                        rs.getString("title"),
                        rs.getString("summary_md"),
                        rs.getString("notes"),
                        String.join("; ", JsonColumn.list(rs.getString("authors"))),
                        rs.getString("tags")))
                .list();
        // Turning markdown into words is pure and the slow part, so it runs on every core; the writes stay on this one.
        List<Doc> docs = java.util.stream.Stream.concat(cards.stream(), papers.stream())
                .parallel()
                .map(Source::doc)
                .toList();
        if (docs.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO search_docs (type, item_id, source_hash, title, body, detail, tags)
                VALUES (:type, :itemId, :hash, :title, :body, :detail, :tags)
                ON CONFLICT (type, item_id) DO UPDATE SET source_hash = excluded.source_hash, title = excluded.title,
                    body = excluded.body, detail = excluded.detail, tags = excluded.tags""");
        for (Doc doc : docs) {
            batch.bind("type", doc.type())
                    .bind("itemId", doc.itemId())
                    .bind("hash", doc.hash())
                    .bind("title", clean(doc.title()))
                    .bind("body", clean(doc.body()))
                    .bind("detail", clean(doc.detail()))
                    .bind("tags", clean(doc.tags()))
                    .add();
        }
        batch.execute();
    }

    /** A card's words for the index, already plain text (the import made them while rendering); the card is found by slug. */
    public record CardText(String slug, String hash, String title, String body, String detail, String tags) {}

    /** Indexes cards written in this transaction, as {@link #refresh} would, without parsing their markdown again. */
    public static void indexCards(Handle h, List<CardText> cards) {
        if (cards.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO search_docs (type, item_id, source_hash, title, body, detail, tags)
                VALUES ('card', (SELECT id FROM cards WHERE slug = :slug), :hash, :title, :body, :detail, :tags)
                ON CONFLICT (type, item_id) DO UPDATE SET source_hash = excluded.source_hash, title = excluded.title,
                    body = excluded.body, detail = excluded.detail, tags = excluded.tags""");
        for (CardText card : cards) {
            batch.bind("slug", card.slug())
                    .bind("hash", card.hash())
                    .bind("title", clean(card.title()))
                    .bind("body", clean(card.body()))
                    .bind("detail", clean(card.detail()))
                    .bind("tags", clean(card.tags()))
                    .add();
        }
        batch.execute();
    }

    /** What a search document is made from, as stored: markdown still to be turned into words. */
    private record Source(
            String type,
            long itemId,
            String hash,
            String title,
            String bodyMarkdown,
            String detailMarkdown,
            String extra,
            String tags) {
        Doc doc() {
            return new Doc(
                    type,
                    itemId,
                    hash,
                    title,
                    Markdown.toPlainText(bodyMarkdown),
                    Markdown.toPlainText(detailMarkdown) + "\n" + extra,
                    tags);
        }
    }

    private record Doc(String type, long itemId, String hash, String title, String body, String detail, String tags) {}

    /**
     * Text indexed per field, at most. FTS5 builds a snippet by scoring windows around every match, so its cost grows with the
     * square of a field's length: one 648 KB card made a search for "a" take 28 s. The first 20,000 characters hold what a
     * card is about; the rest is still on the card itself.
     */
    static final int MAX_INDEXED_CHARS = 20_000;

    private static String clean(String text) {
        if (text == null) return "";
        int end = Math.min(text.length(), MAX_INDEXED_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        String cut = text.substring(0, end);
        return cut.replace(MARK_OPEN, ' ').replace(MARK_CLOSE, ' ').strip();
    }
}
