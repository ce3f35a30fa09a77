package dev.gradientdeck.papers;

import dev.gradientdeck.papers.PaperViews.PaperDetail;
import dev.gradientdeck.papers.PaperViews.PaperSummary;
import dev.gradientdeck.papers.PaperViews.SearchHit;
import dev.gradientdeck.papers.PaperViews.TagCount;
import dev.gradientdeck.present.Paging;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the papers and search pages show, decided here so the templates only format. */
public final class PaperPages {
    private PaperPages() {}

    /** One page of the papers, filtered and sorted; {@code paging} counts the whole filtered list. */
    public record PaperList(
            List<PaperSummary> papers,
            Optional<String> tag,
            Optional<PaperNote.Status> status,
            PaperRepository.Sort sort,
            List<TagCount> tags,
            Paging paging) {

        public List<String> statuses() {
            return Arrays.stream(PaperNote.Status.values())
                    .map(PaperNote.Status::written)
                    .toList();
        }

        public boolean filtered() {
            return tag.isPresent() || status.isPresent();
        }

        /** This list ordered another way, keeping its filters. */
        public String sortUrl(PaperRepository.Sort other) {
            StringBuilder url = new StringBuilder("/papers?sort=").append(other.written());
            tag.ifPresent(t -> url.append("&tag=").append(URLEncoder.encode(t, StandardCharsets.UTF_8)));
            status.ifPresent(s -> url.append("&status=").append(s.written()));
            return url.toString();
        }

        /** This list at another page, keeping its filters and order. */
        public String pageUrl(int page) {
            return sortUrl(sort) + (page > 1 ? "&page=" + page : "");
        }
    }

    public record PaperPage(PaperDetail paper) {
        /** The citations that say something about the paper. */
        public List<PaperViews.CitingCard> summaries() {
            return paper.citations().stream()
                    .filter(c -> !c.summary().isBlank())
                    .toList();
        }

        public String arxivUrl() {
            return paper.arxivId() == null ? null : "https://arxiv.org/abs/" + paper.arxivId();
        }

        public String doiUrl() {
            return paper.doi() == null ? null : "https://doi.org/" + paper.doi();
        }

        public String byline() {
            return PaperViews.byline(paper.authors(), paper.year());
        }
    }

    /** @param query as typed; {@code words} is false when it held none, so nothing was searched */
    public record SearchPage(String query, boolean words, List<SearchHit> hits) {
        public String href(SearchHit hit) {
            return (hit.type().equals("paper") ? "/papers/" : "/cards/") + hit.id();
        }
    }
}
