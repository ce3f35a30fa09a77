package dev.gradientdeck.practice.speech;

/**
 * Where the speech model is on its way to being usable; a page can show this while the learner
 * waits.
 */
public sealed interface ModelStatus {

    /** Checking the speech library, finding the model, or loading it into memory. */
    record Preparing() implements ModelStatus {}

    /** Copying the model out of its archive into the cache folder (done once per model). */
    record Unpacking(long bytesDone, long bytesTotal) implements ModelStatus {}

    record Ready() implements ModelStatus {}

    /** Transcription cannot work here; typed answers still can. */
    record Unavailable(String reason) implements ModelStatus {}
}
