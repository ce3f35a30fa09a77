package dev.gradientdeck.review;

import dev.gradientdeck.present.Html;
import java.util.Optional;

/**
 * Which cards a review session draws from: the whole collection, one deck (with its sub-decks, as Anki's deck list does)
 * or one tag. The daily new-card limit stays the learner's one limit across all of them.
 */
public record QueueScope(Optional<String> deck, Optional<String> tag) {
    public static final QueueScope EVERYTHING = new QueueScope(Optional.empty(), Optional.empty());

    public QueueScope {
        deck = deck.map(String::strip).filter(d -> !d.isEmpty());
        tag = tag.map(t -> t.strip().replaceFirst("^#", "")).filter(t -> !t.isEmpty());
        if (deck.isPresent() && tag.isPresent())
            throw new IllegalArgumentException("review one deck or one tag, not both");
    }

    /** From a page's {@code ?deck=} or {@code ?tag=}; a deck wins when both came. */
    public static QueueScope of(String deck, String tag) {
        Optional<String> d = Optional.ofNullable(deck).map(String::strip).filter(s -> !s.isEmpty());
        return d.isPresent()
                ? new QueueScope(d, Optional.empty())
                : new QueueScope(Optional.empty(), Optional.ofNullable(tag));
    }

    public boolean everything() {
        return deck.isEmpty() && tag.isEmpty();
    }

    /** "the deck optimizers", "#Interview": what the pages call this session. */
    public String name() {
        return deck.map(d -> "the deck " + d).or(() -> tag.map(t -> "#" + t)).orElse("all your cards");
    }

    /** The query that keeps a page in this session: "", "?deck=llm", "?tag=Interview". */
    public String query() {
        return deck.map(d -> "?deck=" + Html.url(d))
                .or(() -> tag.map(t -> "?tag=" + Html.url(t)))
                .orElse("");
    }

    /** {@link #query()} followed by one more parameter, e.g. {@code card=5}. */
    public String queryWith(String parameter) {
        return (everything() ? "?" : query() + "&") + parameter;
    }
}
