package dev.gradientdeck.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaperPromptTest {

    @Test
    void asksWhatThePaperShowedAndAnswersWithTheSummary() {
        assertEquals(
                Optional.of(new PaperPrompt(
                        "What did Mini-GPTs: Efficient Large Language Models throughContextual Pruning show?",
                        "Pruning neurons below an activity threshold shrinks the model at similar performance.")),
                PaperPrompt.of(
                        " Mini-GPTs: Efficient Large Language Models\n throughContextual Pruning ",
                        "\nPruning neurons below an activity threshold shrinks the model at similar performance.\n"));
    }

    @Test
    void noSummaryOrNoTitleMeansNoPrompt() {
        assertEquals(Optional.empty(), PaperPrompt.of("Attention Is All You Need", null));
        assertEquals(Optional.empty(), PaperPrompt.of("Attention Is All You Need", "   "));
        assertEquals(Optional.empty(), PaperPrompt.of(" ", "a summary"));
        assertEquals(Optional.empty(), PaperPrompt.of(null, "a summary"));
    }
}
