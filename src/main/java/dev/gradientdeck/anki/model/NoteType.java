package dev.gradientdeck.anki.model;

import java.util.List;
import java.util.Optional;

/** An Anki note type: its field names in order and its card templates; a cloze type makes one card per cloze number. */
public record NoteType(long id, String name, boolean cloze, List<String> fields, List<Template> templates, long mod) {
    public NoteType {
        fields = List.copyOf(fields);
        templates = List.copyOf(templates);
    }

    /** One card template: the question and answer formats in Anki's template language. */
    public record Template(int ord, String name, String question, String answer) {}

    /** The template a card of this ordinal uses; a cloze type has one template for all its cards. */
    public Optional<Template> template(int ord) {
        if (cloze) return templates.stream().findFirst();
        return templates.stream().filter(t -> t.ord() == ord).findFirst();
    }
}
