package dev.gradientdeck.anki.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void cardPathsUseTheDeckPathAndTheTitlesWords() {
        assertEquals(
                "anki/Music Intervals/1- Easy - major 2nd/the-major-2nd-of-a-is-42.md",
                Names.cardPath(List.of("Music Intervals", "1/ Easy - major 2nd"), "The major 2nd of A is...", 42));
        assertEquals("anki/Deck/42.md", Names.cardPath(List.of("..."), "日本", 42));
    }

    @Test
    void tagsAndMediaNames() {
        assertEquals(List.of("lang/fr", "C", "x"), Names.tags(List.of("lang::fr", "C++", "x", "::")));
        assertEquals("_hidden.png", Names.mediaFile(".hidden.png"));
        assertEquals("a_b.png", Names.mediaFile("a/b.png"));
        assertEquals("notes.md_", Names.mediaFile("notes.md"));
        assertEquals("/media/my%20cat%281%29.jpg", Names.mediaUrl("my cat(1).jpg"));
    }
}
