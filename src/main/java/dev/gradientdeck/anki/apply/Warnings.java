package dev.gradientdeck.anki.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's warnings: single lines, and lists of cards grouped under what they share, so a package with ten thousand such
 * cards still gives a readable report (the first few named, the rest counted).
 */
final class Warnings {
    static final int NAMED = 10;

    private final Set<String> lines = new LinkedHashSet<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();

    void line(String text) {
        lines.add(text);
    }

    /** {@code what} reads after a count, e.g. "cards are new in Anki but their log holds answers". */
    void card(String what, String card) {
        groups.computeIfAbsent(what, k -> new ArrayList<>()).add(card);
    }

    List<String> all() {
        List<String> out = new ArrayList<>(lines);
        groups.forEach((what, cards) -> {
            String named = String.join(", ", cards.subList(0, Math.min(NAMED, cards.size())));
            String rest = cards.size() > NAMED ? " and " + (cards.size() - NAMED) + " more" : "";
            out.add(cards.size() + " " + (cards.size() == 1 ? singular(what) : what) + ": " + named + rest);
        });
        return out;
    }

    private static String singular(String what) {
        return what.replaceFirst("^cards are ", "card is ")
                .replaceFirst("^cards ", "card ")
                .replace(" their ", " its ")
                .replace(" hold ", " holds ")
                .replace(" start ", " starts ")
                .replace(" keep ", " keeps ");
    }
}
