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
    private volatile Remembered remembered = new Remembered("", new ConcurrentHashMap<>());
    /** More distinct lists than this in one data version (a crawler walking every page size) are made, not kept. */
    private static final int KEPT = 256;

    /** Values made from the data (card lists as JSON, counts, card states), by what was asked, for one data version. */
    private record Remembered(String stamp, Map<String, Object> byQuery) {}

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
     * A value made from the cards (a page of the API's list as JSON, a count, every card's state), made again only when the
     * data changes: writing a large list per request would let a few clients crowd out every page.
     */
    @SuppressWarnings("unchecked")
    public <T> T remembered(String query, Supplier<T> make) {
        String stamp = version.current();
        Remembered known = remembered;
        if (!known.stamp().equals(stamp)) {
            known = new Remembered(stamp, new ConcurrentHashMap<>());
            remembered = known;
        }
        Object value = known.byQuery().get(query);
        if (value != null) return (T) value;
        T made = make.get();
        if (known.byQuery().size() < KEPT) known.byQuery().putIfAbsent(query, made);
        return made;
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
