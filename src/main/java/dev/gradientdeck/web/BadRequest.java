package dev.gradientdeck.web;

import java.util.List;

/** Input the learner or a client got wrong: answered with 400 and the message (plus details) as written here. */
public final class BadRequest extends RuntimeException {
    private final List<String> details;

    public BadRequest(String message) {
        this(message, List.of());
    }

    public BadRequest(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
