package dev.gradientdeck.cards;

/** A card file that cannot be imported: the line (1-based) and the reason, in words a card author can act on. */
public final class CardFileException extends Exception {
    private final int line;

    public CardFileException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
