package dev.gradientdeck.anki.pkg;

/**
 * A file that is not an Anki package, or one whose contents cannot be read: the message names what is wrong, in the
 * learner's words, and nothing has been written when it is thrown.
 */
public final class MalformedPackage extends Exception {
    public MalformedPackage(String message) {
        super(message);
    }

    public MalformedPackage(String message, Throwable cause) {
        super(message, cause);
    }
}
