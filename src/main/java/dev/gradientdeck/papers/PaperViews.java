package dev.gradientdeck.papers;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The shapes pages and the API read papers and search results in. */
public final class PaperViews {
    private PaperViews() {}

    /**
     * A paper in the list.
     *
     * @param cardIds the active cards that cite it, in id order
     */
    public record PaperSummary(
            long id,
            String title,
            List<String> authors,
            Integer year,
            String url,
            String arxivId,
            String status,
            LocalDate readDate,
            List<String> tags,
            String summary,
            List<Long> cardIds) {
        public String byline() {
            return PaperViews.byline(authors, year);
        }

        PaperSummary withCardIds(List<Long> cards) {
            return new PaperSummary(id, title, authors, year, url, arxivId, status, readDate, tags, summary, cards);
        }
    }

    /** Authors as people write them ("Ilya Loshchilov", not "Loshchilov, Ilya"), then the year. */
    static String byline(List<String> authors, Integer year) {
        String names = authors.stream()
                .map(AuthorName::parse)
                .map(n -> n.given().isEmpty() ? n.family() : n.given() + " " + n.family())
                .collect(Collectors.joining(", "));
        if (year == null) return names;
        return names.isEmpty() ? year.toString() : names + " · " + year;
    }

    /** One card's citation of a paper: the card, and the title, link and summary as that card wrote them. */
    public record CitingCard(
            long cardId,
            String cardTitle,
            String deck,
            String writtenTitle,
            String url,
            String summary,
            String summaryHtml) {}

    /** A paper file describing the paper; its notes were rendered at import. */
    public record Note(String path, String notes, String notesHtml) {}

    public record PaperDetail(
            long id,
            String key,
            String title,
            List<String> authors,
            Integer year,
            String url,
            String arxivId,
            String doi,
            String status,
            LocalDate readDate,
            List<String> tags,
            String summary,
            List<CitingCard> citations,
            List<Note> notes,
            Long promptCardId,
            boolean archived) {

        /** Each citing card once, in the order the citations came. */
        public List<CitingCard> cards() {
            Set<Long> seen = new HashSet<>();
            return citations.stream().filter(c -> seen.add(c.cardId())).toList();
        }
    }

    public record TagCount(String name, int papers) {}

    /**
     * One search result.
     *
     * @param snippet HTML: the matching words in {@code <mark>}, everything else escaped
     */
    /** One search result; {@code deck} is the card's deck (null for a paper). */
    public record SearchHit(String type, long id, String title, String snippet, String deck) {}
}
