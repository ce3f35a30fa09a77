package dev.gradientdeck.cards;

import dev.gradientdeck.papers.PaperNote;

/** A paper file as parsed: the paper note and the deck it sits in. Its notes are still markdown here. */
public record PaperDocument(String deck, PaperNote note, java.util.Optional<Boolean> paperPrompts)
        implements DeckFile {}
