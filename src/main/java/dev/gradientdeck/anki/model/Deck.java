package dev.gradientdeck.anki.model;

import java.util.List;

/** An Anki deck by its path of names ("Languages::French" is [Languages, French]); a filtered deck only borrows cards. */
public record Deck(long id, List<String> path, boolean filtered) {
    public Deck {
        path = List.copyOf(path);
    }

    public String name() {
        return String.join("::", path);
    }
}
