package dev.gradientdeck.review;

/** The learner's answer to a card. Again is a lapse; Hard, Good and Easy are passes. */
public enum Rating {
    AGAIN,
    HARD,
    GOOD,
    EASY;

    /** The grade G of the FSRS formulas: 1 (Again) to 4 (Easy). */
    public int value() {
        return ordinal() + 1;
    }

    public static Rating of(int value) {
        if (value < 1 || value > 4) {
            throw new IllegalArgumentException("rating must be 1-4 (Again, Hard, Good, Easy), was " + value);
        }
        return values()[value - 1];
    }

    /** The word on its button, as Anki writes it. */
    public String label() {
        return switch (this) {
            case AGAIN -> "Again";
            case HARD -> "Hard";
            case GOOD -> "Good";
            case EASY -> "Easy";
        };
    }

    boolean isPass() {
        return this != AGAIN;
    }
}
