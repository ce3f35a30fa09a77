package dev.gradientdeck.papers;

import dev.gradientdeck.db.JsonColumn;
import dev.gradientdeck.papers.PaperViews.CitingCard;
import dev.gradientdeck.papers.PaperViews.Note;
import dev.gradientdeck.papers.PaperViews.PaperDetail;
import dev.gradientdeck.papers.PaperViews.PaperSummary;
import dev.gradientdeck.papers.PaperViews.TagCount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The pages' and the API's SQL about papers: the list, one paper with its notes and citing cards, tags, the bibliography. */
public final class PaperRepository {
    private final Jdbi jdbi;

    public PaperRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---- reading ----

    /** How the papers list is ordered. */
    public enum Sort {
        READ("read"),
        TITLE("title");

        private final String written;

        Sort(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }

        public static Optional<Sort> parse(String text) {
            return Arrays.stream(values())
                    .filter(s -> s.written.equalsIgnoreCase(text.strip()))
                    .findFirst();
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
            int total = h.createQuery("SELECT count(*) FROM papers p\n" + where)
                    .bind("tag", tag.orElse(null))
                    .bind("status", status.map(PaperNote.Status::written).orElse(null))
                    .mapTo(Integer.class)
                    .one();
            List<Map.Entry<Long, PaperSummary>> rows = h.createQuery(
                            SUMMARY_SELECT + "\n" + where + order + " LIMIT :limit OFFSET :offset")
                    .bind("tag", tag.orElse(null))
                    .bind("status", status.map(PaperNote.Status::written).orElse(null))
                    .bind("limit", limit == Integer.MAX_VALUE ? -1 : limit)
                    .bind("offset", offset)
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), summary(rs, List.of())))
                    .list();
            Map<Long, List<Long>> cards = citingCards(
                    h,
                    rows.size() == total
                            ? null
                            : rows.stream().map(Map.Entry::getKey).toList());
            return new Page(
                    rows.stream()
                            .map(e -> e.getValue().withCardIds(cards.getOrDefault(e.getKey(), List.of())))
                            .toList(),
                    total);
        });
    }

    private static PaperSummary summary(ResultSet rs, List<Long> cardIds) throws SQLException {
        return new PaperSummary(
                rs.getLong("id"),
                rs.getString("title"),
                JsonColumn.list(rs.getString("authors")),
                PaperColumns.nullableInt(rs, "year"),
                rs.getString("url"),
                rs.getString("arxiv_id"),
                rs.getString("status"),
                PaperColumns.date(rs.getString("read_date")),
                sortedTags(rs.getString("tags")),
                rs.getString("summary_md"),
                cardIds);
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
                .define(
                        "only",
                        paperIds == null
                                ? ""
                                : "AND cc.paper_id IN ("
                                        + paperIds.stream()
                                                .map(String::valueOf)
                                                .collect(java.util.stream.Collectors.joining(", "))
                                        + ")")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> cards.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return cards;
    }

    public Optional<PaperDetail> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SUMMARY_SELECT + " WHERE p.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new PaperDetail(
                        rs.getLong("id"),
                        rs.getString("paper_key"),
                        rs.getString("title"),
                        JsonColumn.list(rs.getString("authors")),
                        PaperColumns.nullableInt(rs, "year"),
                        rs.getString("url"),
                        rs.getString("arxiv_id"),
                        rs.getString("doi"),
                        rs.getString("status"),
                        PaperColumns.date(rs.getString("read_date")),
                        sortedTags(rs.getString("tags")),
                        rs.getString("summary_md"),
                        citingCardsOf(h, id),
                        notesOf(h, id),
                        activePrompt(h, PaperColumns.nullableLong(rs, "prompt_card_id")),
                        rs.getBoolean("archived")))
                .findOne());
    }

    private static List<CitingCard> citingCardsOf(Handle h, long paperId) {
        return h.createQuery("""
                        SELECT c.id, c.title AS card_title, c.deck, cc.title, cc.url, cc.summary, cc.summary_html
                        FROM card_citations cc JOIN cards c ON c.id = cc.card_id
                        WHERE cc.paper_id = :id AND c.archived = 0 AND c.kind != 'paper'
                        ORDER BY c.slug, cc.position""")
                .bind("id", paperId)
                .map((rs, ctx) -> new CitingCard(
                        rs.getLong("id"),
                        rs.getString("card_title"),
                        rs.getString("deck"),
                        rs.getString("title"),
                        rs.getString("url"),
                        rs.getString("summary"),
                        rs.getString("summary_html")))
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
        return h.createQuery("SELECT id FROM cards WHERE id = :id AND archived = 0")
                .bind("id", cardId)
                .mapTo(Long.class)
                .findOne()
                .orElse(null);
    }

    public List<TagCount> tagCounts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.tag AS name, count(*) AS papers FROM paper_tags t JOIN papers p ON p.id = t.paper_id
                        WHERE p.archived = 0 GROUP BY t.tag ORDER BY papers DESC, t.tag COLLATE NOCASE""")
                .map((rs, ctx) -> new TagCount(rs.getString("name"), rs.getInt("papers")))
                .list());
    }

    /** Every listed paper as a reference manager sees it, by title, for the BibTeX and CSL-JSON exports. */
    public List<BibEntry> bibliography() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM papers WHERE archived = 0 ORDER BY title COLLATE NOCASE, id")
                .map((rs, ctx) -> new BibEntry(
                        rs.getString("title"),
                        JsonColumn.list(rs.getString("authors")),
                        PaperColumns.nullableInt(rs, "year"),
                        rs.getString("url"),
                        rs.getString("arxiv_id"),
                        rs.getString("doi"),
                        null))
                .list());
    }

    private static List<String> sortedTags(String joined) {
        List<String> tags = new ArrayList<>(PaperColumns.split(joined));
        tags.sort(String.CASE_INSENSITIVE_ORDER);
        return tags;
    }
}
