package dev.gradientdeck.anki.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardTemplateTest {
    static final Map<String, String> FIELDS =
            Map.of("Front", "chien", "Back", "dog", "Extra", "<br>", "Text", "a {{c1::b}} c");
    static final Map<String, String> SPECIALS =
            Map.of("Tags", "animals fr", "Deck", "Languages::French", "Subdeck", "French");

    static String render(String template, boolean answer) {
        return CardTemplate.render(template, new CardTemplate.Context(FIELDS, SPECIALS, 1, answer))
                .html();
    }

    @Test
    void fieldsAndSpecialFields() {
        assertEquals("chien / dog (animals fr, French)", render("{{Front}} / {{Back}} ({{Tags}}, {{Subdeck}})", false));
    }

    @Test
    void conditionalSectionsTestForAFieldWithContent() {
        assertEquals("has back", render("{{#Back}}has back{{/Back}}{{#Extra}} has extra{{/Extra}}", false));
        assertEquals(" no extra", render("{{^Back}}no back{{/Back}}{{^Extra}} no extra{{/Extra}}", false));
        assertEquals("", render("{{#Missing}}x{{/Missing}}", false));
    }

    @Test
    void typeInTheAnswerIsPlainTextOnTheAnswerSideOnly() {
        assertEquals("chien", render("{{Front}}{{type:Back}}", false));
        assertEquals("chien<div class=\"typed-answer\">dog</div>", render("{{Front}}{{type:Back}}", true));
    }

    @Test
    void filters() {
        assertEquals("a <span class=\"cloze\">[...]</span> c", render("{{cloze:Text}}", false));
        assertEquals("a <span class=\"cloze\">b</span> c", render("{{cloze:Text}}", true));
        assertEquals("b", render("{{cloze-only:Text}}", true));
        assertEquals("", render("{{tts en_US:Front}}", false));
        assertEquals("chien", render("{{text:Front}}", false));
        assertEquals(
                "日本",
                CardTemplate.render("{{kanji:F}}", new CardTemplate.Context(Map.of("F", "日本[にほん]"), Map.of(), 0, false))
                        .html());
    }

    @Test
    void unknownFieldsAreReported() {
        CardTemplate.Rendered r = CardTemplate.render("{{Nope}}", new CardTemplate.Context(FIELDS, SPECIALS, 0, false));
        assertEquals("", r.html());
        assertEquals(Set.of("Nope"), r.unknownFields());
    }

    @Test
    void emptyMeansOnlyWhitespaceAndMarkup() {
        assertTrue(CardTemplate.isEmpty("<div> &nbsp;<br></div>"));
        assertTrue(!CardTemplate.isEmpty("<img src=x.png>"));
    }
}
