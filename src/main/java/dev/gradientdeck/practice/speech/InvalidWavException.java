package dev.gradientdeck.practice.speech;

/** Uploaded bytes that are not audio this app can read; the message is written for the learner. */
public final class InvalidWavException extends IllegalArgumentException {
    public InvalidWavException(String message) {
        super(message);
    }
}
