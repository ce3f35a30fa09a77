package dev.gradientdeck.anki.model;

import java.util.List;

/** An Anki note: the fields its cards are rendered from, its tags, and when it was last changed (seconds). */
public record Note(long id, String guid, long noteTypeId, long modified, List<String> tags, List<String> fields) {
    public Note {
        tags = List.copyOf(tags);
        fields = List.copyOf(fields);
    }
}
