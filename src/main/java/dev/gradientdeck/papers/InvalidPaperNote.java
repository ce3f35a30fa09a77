package dev.gradientdeck.papers;

import java.util.List;

/** A paper file whose front matter cannot be used; carries every problem found, so one import fixes them all. */
public final class InvalidPaperNote extends IllegalArgumentException {

    private final List<String> problems;

    InvalidPaperNote(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
