package dev.gradientdeck.cards;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed card with its markdown rendered to safe HTML, ready to store: the only shape the repository writes. The question
 * and answer also come as plain text, for the search index.
 */
public record RenderedCard(
        CardDocument document,
        String path,
        String contentHash,
        String fileStamp,
        String questionHtml,
        String answerHtml,
        String questionText,
        String answerText,
        List<String> keyPointsHtml,
        List<RenderedSection> sections,
        List<RenderedCitation> citations,
        LocalDate recordDate) {

    public record RenderedSection(String heading, String html) {}

    public record RenderedCitation(String title, String url, String summary, String summaryHtml) {}
}
