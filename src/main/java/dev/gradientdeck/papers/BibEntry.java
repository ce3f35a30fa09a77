package dev.gradientdeck.papers;

import java.util.List;

/**
 * One paper as a reference manager sees it: the input to {@link Bibtex} and {@link CslJson}.
 * Every field but the title may be absent (null); authors may be empty.
 *
 * @param authors as written, either "Given Family" or "Family, Given"
 * @param arxivId without version, e.g. 2306.11644
 */
public record BibEntry(
        String title, List<String> authors, Integer year, String url, String arxivId, String doi, String note) {

    public BibEntry {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a bibliography entry needs a title");
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
