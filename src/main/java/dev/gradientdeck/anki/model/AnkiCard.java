package dev.gradientdeck.anki.model;

import java.util.Optional;

/**
 * An Anki card: which note and template (or cloze number, {@code ord}) it shows, its deck (the home deck when it sits in a
 * filtered deck), Anki's type (0 new, 1 learning, 2 review, 3 relearning) and the FSRS memory Anki stored, if any.
 */
public record AnkiCard(
        long id, long noteId, long deckId, int ord, int type, long modified, Optional<MemoryState> memory) {
    public boolean isNew() {
        return type == 0;
    }
}
