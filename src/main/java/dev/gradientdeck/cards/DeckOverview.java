package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardViews.Count;
import dev.gradientdeck.db.DataVersion;

import java.util.List;

/**
 * Cards per deck and per tag, as the home page and the card list show them. They change only when the deck is synced, so
 * they are counted again only when the data version says so: on a large deck the tag count is the costliest query of a page.
 */
public final class DeckOverview {
    private final CardRepository cards;
    private final DataVersion version;
    private volatile Counts counts;

    public record Counts(String stamp, List<Count> decks, List<Count> tags) {
        public int cardCount() {
            return decks.stream().mapToInt(Count::cards).sum();
        }
    }

    public DeckOverview(CardRepository cards, DataVersion version) {
        this.cards = cards;
        this.version = version;
    }

    public Counts counts() {
        String stamp = version.current();
        Counts known = counts;
        if (known != null && known.stamp().equals(stamp)) return known;
        synchronized (this) {
            known = counts;
            if (known != null && known.stamp().equals(stamp)) return known;
            Counts fresh = new Counts(stamp, List.copyOf(cards.deckCounts()), List.copyOf(cards.tagCounts()));
            counts = fresh;
            return fresh;
        }
    }
}
