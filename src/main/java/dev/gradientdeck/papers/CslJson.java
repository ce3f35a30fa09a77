package dev.gradientdeck.papers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * CSL-JSON export (the format Zotero, pandoc and citeproc read), as plain maps and lists so any JSON writer,
 * Jackson included, serialises it without annotations. Absent fields are left out rather than written as null.
 */
public final class CslJson {

    private CslJson() {}

    public static List<Map<String, Object>> export(List<BibEntry> entries) {
        List<String> keys = CitationKeys.assign(entries);
        return IntStream.range(0, entries.size())
                .mapToObj(i -> item(keys.get(i), entries.get(i)))
                .toList();
    }

    private static Map<String, Object> item(String id, BibEntry paper) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("type", "article");
        item.put("title", paper.title().trim());
        if (!paper.authors().isEmpty()) {
            item.put("author", paper.authors().stream().map(CslJson::author).toList());
        }
        if (paper.year() != null) {
            item.put("issued", Map.of("date-parts", List.of(List.of(paper.year()))));
        }
        link(paper).ifPresent(url -> item.put("URL", url));
        putIfPresent(item, "DOI", paper.doi());
        putIfPresent(item, "note", paper.note());
        return item;
    }

    private static Map<String, String> author(String written) {
        AuthorName name = AuthorName.parse(written);
        Map<String, String> author = new LinkedHashMap<>();
        author.put("family", name.family());
        if (!name.given().isEmpty()) {
            author.put("given", name.given());
        }
        return author;
    }

    // CSL-JSON has no field for an arXiv id, so an entry known only by its id links to its abstract page instead.
    private static Optional<String> link(BibEntry paper) {
        if (isPresent(paper.url())) {
            return Optional.of(paper.url().trim());
        }
        return isPresent(paper.arxivId())
                ? Optional.of("https://arxiv.org/abs/" + paper.arxivId().trim())
                : Optional.empty();
    }

    private static void putIfPresent(Map<String, Object> item, String name, String value) {
        if (isPresent(value)) {
            item.put(name, value.trim());
        }
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
