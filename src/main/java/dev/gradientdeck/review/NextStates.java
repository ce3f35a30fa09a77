package dev.gradientdeck.review;

/** The four possible outcomes of answering a card: the buttons show them, the answer picks one. */
public record NextStates(Outcome again, Outcome hard, Outcome good, Outcome easy) {
    public Outcome of(Rating rating) {
        return switch (rating) {
            case AGAIN -> again;
            case HARD -> hard;
            case GOOD -> good;
            case EASY -> easy;
        };
    }
}
