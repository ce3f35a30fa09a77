package dev.gradientdeck.papers;

import java.util.Optional;

/**
 * A recall prompt made from a paper the learner has summarised: the summary they wrote is the answer to check.
 */
public record PaperPrompt(String question, String answer) {

    /** Empty when there is no title or no summary: without a summary there is nothing to recall against. */
    public static Optional<PaperPrompt> of(String title, String summary) {
        if (title == null || title.isBlank() || summary == null || summary.isBlank()) {
            return Optional.empty();
        }
        String oneLineTitle = title.trim().replaceAll("\\s+", " ");
        return Optional.of(new PaperPrompt("What did " + oneLineTitle + " show?", summary.trim()));
    }
}
