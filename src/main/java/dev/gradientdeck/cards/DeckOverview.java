package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardViews.Count;
import dev.gradientdeck.db.DataVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Cards per deck and per tag, as the home page and the card list show them, and the API's card list. They change only with
 * the data, so they are made again only when the data version says so: on a large deck the tag count is the costliest query
 * of a page, and the card list is megabytes of JSON.
 */
public final class DeckOverview {
    private final CardRepository cards;
    private final DataVersion version;
    private volatile Counts counts;
    private volatile Lists lists = new Lists("", new ConcurrentHashMap<>());

    /** Card lists already written as JSON, by query, for one data version. */
    private record Lists(String stamp, Map<String, byte[]> byQuery) {}

    public record Counts(String stamp, List<Count> decks, List<Count> tags) {
        public int cardCount() {
            return decks.stream().mapToInt(Count::cards).sum();
        }
    }

    public DeckOverview(CardRepository cards, DataVersion version) {
        this.cards = cards;
        this.version = version;
    }

    /**
     * The API's card list for a query, as JSON, written again only when the data changes: on a large deck it is megabytes,
     * and writing it per request would let a few clients crowd out every page.
     */
    public byte[] listJson(String query, Supplier<byte[]> write) {
        String stamp = version.current();
        Lists known = lists;
        if (!known.stamp().equals(stamp)) {
            known = new Lists(stamp, new ConcurrentHashMap<>());
            lists = known;
        }
        // A handful of queries at most (tag filters); the map is dropped with its version.
        return known.byQuery().computeIfAbsent(query, q -> write.get());
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
