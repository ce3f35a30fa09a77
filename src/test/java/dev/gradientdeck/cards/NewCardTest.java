package dev.gradientdeck.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewCardTest {
    @Test
    void writesAFileInTheDeckFormatThatParsesBack() throws Exception {
        NewCard card = new NewCard(
                "Warmup & Schedules",
                "optimizers",
                "#Schedules Interview",
                "Why warm up the learning rate?",
                "Adam's early steps are noisy.",
                "");
        assertEquals(Map.of(), card.problems(path -> false));
        assertEquals("optimizers/warmup-schedules.md", card.relativePath());
        CardDocument parsed = (CardDocument)
                CardParser.parse(card.relativePath(), card.markdown().getBytes(StandardCharsets.UTF_8));
        assertEquals("Warmup & Schedules", parsed.title());
        assertEquals(List.of("Schedules", "Interview"), parsed.tags());
        assertEquals("Why warm up the learning rate?", parsed.question());
        assertEquals("Adam's early steps are noisy.", parsed.answer());
        assertEquals("optimizers", parsed.deck());
    }

    @Test
    void refusesAnEmptyQuestionAndAnExistingName() {
        NewCard card = new NewCard("Adam", "", "", "  ", "", "adam");
        Map<String, String> problems = card.problems(path -> path.equals("adam.md"));
        assertEquals("The question is empty: a card needs one.", problems.get("question"));
        assertTrue(problems.get("fileName").contains("adam.md already exists"));
    }

    @Test
    void refusesNamesThatLeaveTheDeckFolder() {
        NewCard card = new NewCard("x", "../etc", "", "q", "", "../../passwd");
        Map<String, String> problems = card.problems(path -> false);
        assertTrue(problems.containsKey("deck"));
        assertTrue(problems.containsKey("fileName"));
    }

    @Test
    void refusesTextThatWouldMakeAFileTooLargeToImport() {
        Map<String, String> problems =
                new NewCard("x", "", "", "q".repeat(100_001), "a".repeat(100_001), "").problems(p -> false);
        assertEquals("Keep the question under 100,000 characters.", problems.get("question"));
        assertEquals("Keep the answer under 100,000 characters.", problems.get("answer"));
    }

    @Test
    void refusesTagsWithPunctuation() {
        assertTrue(new NewCard("x", "", "good bad<tag>", "q", "", "")
                .problems(p -> false)
                .containsKey("tags"));
    }
}
