package dev.gradientdeck.anki.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClozeTest {
    static final String TEXT = "Paris is the {{c1::capital::city}} of {{c2::France}}; {{c1::Lyon}} is not.";

    @Test
    void theCardsOwnDeletionIsHiddenWithItsHintAndTheOthersShow() {
        assertEquals(
                "Paris is the <span class=\"cloze\">[city]</span> of France; <span class=\"cloze\">[...]</span> is not.",
                Cloze.question(TEXT, 1));
        assertEquals(
                "Paris is the capital of <span class=\"cloze\">[...]</span>; Lyon is not.", Cloze.question(TEXT, 2));
    }

    @Test
    void theAnswerMarksWhatWasHidden() {
        assertEquals(
                "Paris is the <span class=\"cloze\">capital</span> of France; <span class=\"cloze\">Lyon</span> is not.",
                Cloze.answer(TEXT, 1));
    }

    @Test
    void nestedDeletionsHideTheWholeOuterOne() {
        String nested = "{{c1::Canberra is the capital of {{c2::Australia}}}}.";
        assertEquals("<span class=\"cloze\">[...]</span>.", Cloze.question(nested, 1));
        assertEquals("Canberra is the capital of <span class=\"cloze\">[...]</span>.", Cloze.question(nested, 2));
        assertEquals(Set.of(1, 2), Cloze.numbers(nested));
    }

    @Test
    void onlyAndNumbers() {
        assertEquals("capital, Lyon", Cloze.only(TEXT, 1));
        assertEquals(Set.of(1, 2), Cloze.numbers(TEXT));
        // c0 makes no card in Anki (image occlusion's text labels use it).
        assertEquals(Set.of(1), Cloze.numbers("{{c0::label}} {{c1::x}}"));
    }

    @Test
    void anUnclosedDeletionIsLeftAsWritten() {
        assertEquals("a {{c1::b", Cloze.question("a {{c1::b", 1));
    }
}
