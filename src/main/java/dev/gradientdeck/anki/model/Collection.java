package dev.gradientdeck.anki.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a package's collection holds besides its notes, cards and log (which are read card by card): note types, decks,
 * the scheduler version (1 had three buttons while learning), and each deck's FSRS parameters when Anki kept them.
 */
public record Collection(
        Format format,
        int schedulerVersion,
        Map<Long, NoteType> noteTypes,
        Map<Long, Deck> decks,
        Map<Long, List<Double>> fsrsParametersByDeck,
        Counts counts) {
    public Collection {
        noteTypes = Map.copyOf(noteTypes);
        decks = Map.copyOf(decks);
        fsrsParametersByDeck = Map.copyOf(fsrsParametersByDeck);
    }

    /** How many notes, cards and log rows the collection holds. */
    public record Counts(int notes, int cards, int revlog) {}

    public Optional<List<Double>> fsrsParameters(long deckId) {
        return Optional.ofNullable(fsrsParametersByDeck.get(deckId));
    }

    /** The deck a card is filed under; a card whose deck is missing from the collection goes to Anki's "Default". */
    public Deck deck(long deckId) {
        Deck deck = decks.get(deckId);
        return deck != null ? deck : new Deck(deckId, List.of("Default"), false);
    }
}
