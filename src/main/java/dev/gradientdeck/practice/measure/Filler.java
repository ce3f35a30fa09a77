package dev.gradientdeck.practice.measure;

/**
 * A filler the learner said ("um", "you know", ...) and when, so a player can jump to it. {@code
 * heard} marks one found in the audio where the recognizer wrote no word (a filled pause), which a
 * transcript shows between the words around it.
 */
public record Filler(String text, double start, double end, boolean heard) {

    /** A filler the recognizer wrote as a word. */
    public Filler(String text, double start) {
        this(text, start, start, false);
    }
}
