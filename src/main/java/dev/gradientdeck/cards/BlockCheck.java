package dev.gradientdeck.cards;

import java.util.Optional;

/**
 * Checks a card's ```descent block while importing or saving it, so a spec that cannot run breaks
 * its file like any other mistake. The descent feature provides it (the app wires it in); cards
 * only know this interface.
 */
@FunctionalInterface
public interface BlockCheck {

    /** What is wrong with the block's YAML and on which of its lines (1-based); empty when it runs. */
    Optional<Problem> problem(String yaml);

    record Problem(int line, String message) {}

    /** Accepts every block: for decks checked elsewhere, or with no descent cards. */
    BlockCheck NONE = yaml -> Optional.empty();
}
