package dev.gradientdeck.anki.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gradientdeck.anki.model.AnkiCard;
import dev.gradientdeck.anki.model.Collection;
import dev.gradientdeck.anki.model.Deck;
import dev.gradientdeck.anki.model.Note;
import dev.gradientdeck.anki.model.NoteType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One Anki card as a card file: the question and answer rendered from its note type's template and its note's fields, turned
 * into markdown, with front matter {@code id: anki-<card id>}, {@code title}, {@code tags} and
 * {@code anki: {note: <guid>, card: <ord>}}. Pure: the media URLs and the file's path are decided by the caller.
 */
public final class CardConversion {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSWER_RULE = Pattern.compile("(?is)<hr[^>]*id\\s*=\\s*[\"']?answer[\"']?[^>]*>");
    private static final Pattern SOUND = Pattern.compile("\\[sound:([^\\]]+)\\]");

    private CardConversion() {}

    /** A card ready to write: where (relative to the deck folder), what, and its title for the report. */
    public record CardFile(long ankiCardId, String path, String text, String title) {}

    /** The file, or why there is none; notes are worth a line in the import report either way. */
    public record Result(Optional<CardFile> file, List<String> notes) {}

    /** Every imported card's id starts so; the Anki card id follows. */
    public static final String SLUG_PREFIX = "anki-";

    public static String slugOf(long ankiCardId) {
        return SLUG_PREFIX + ankiCardId;
    }

    public static Result convert(
            Collection collection,
            Note note,
            AnkiCard card,
            UnaryOperator<String> mediaUrl,
            Optional<String> knownPath) {
        NoteType type = collection.noteTypes().get(note.noteTypeId());
        String label = "card " + card.id() + " (note " + note.guid() + ")";
        if (type == null) return skipped(label + " uses a note type the package does not hold; not imported");
        Optional<NoteType.Template> template = type.template(card.ord());
        if (template.isEmpty())
            return skipped(label + " uses template " + (card.ord() + 1) + " of \"" + type.name()
                    + "\", which the package does not hold; not imported");
        Deck deck = collection.deck(card.deckId());
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < type.fields().size(); i++)
            fields.put(
                    type.fields().get(i),
                    i < note.fields().size() ? note.fields().get(i) : "");
        Map<String, String> specials = new HashMap<>();
        specials.put("Tags", String.join(" ", note.tags()));
        specials.put("Type", type.name());
        specials.put("Deck", deck.name());
        specials.put("Subdeck", deck.path().get(deck.path().size() - 1));
        specials.put("Card", template.get().name());
        specials.put("CardFlag", "");
        int cloze = type.cloze() ? card.ord() + 1 : 0;

        CardTemplate.Rendered question = CardTemplate.render(
                template.get().question(), new CardTemplate.Context(fields, specials, cloze, false));
        specials.put("FrontSide", question.html());
        CardTemplate.Rendered answer =
                CardTemplate.render(template.get().answer(), new CardTemplate.Context(fields, specials, cloze, true));
        String answerHtml = answer.html();
        // Anki's answers repeat the question above the rule <hr id=answer> (that is where its reviewer scrolls to): the
        // card
        // page already shows the question, so only what follows the rule is the answer.
        var rule = ANSWER_RULE.matcher(answerHtml);
        if (rule.find()) answerHtml = answerHtml.substring(rule.end());

        HtmlToMarkdown markdown = new HtmlToMarkdown(mediaUrl);
        String questionMd = markdown.convert(sounds(question.html()));
        String answerMd = markdown.convert(sounds(answerHtml));
        List<String> notes = new java.util.ArrayList<>();
        java.util.Set<String> unknown = new java.util.TreeSet<>(question.unknownFields());
        unknown.addAll(answer.unknownFields());
        if (!unknown.isEmpty())
            notes.add("note type \"" + type.name() + "\" refers to fields it does not have: "
                    + String.join(", ", unknown));
        if (questionMd.isBlank()) {
            notes.add(
                    label + " of \"" + type.name() + "\" has an empty question (as Anki would show it); not imported");
            return new Result(Optional.empty(), notes);
        }
        // A note with a Title field (incremental-reading notes, and this app's own export) names its card; else the
        // question does.
        String titled = fields.entrySet().stream()
                .filter(f -> f.getKey().equalsIgnoreCase("title"))
                .map(f -> HtmlToMarkdown.visibleText(f.getValue()))
                .filter(t -> !t.isBlank())
                .findFirst()
                .orElse("");
        String title = Titles.of(
                titled.isBlank() ? HtmlToMarkdown.visibleText(question.html()) : titled,
                type.name() + " " + (card.ord() + 1));
        String path = knownPath.orElseGet(() -> Names.cardPath(deck.path(), title, card.id()));
        String text =
                frontMatter(card, note, title) + "\n# Question\n\n" + questionMd + "\n\n# Answer\n\n" + answerMd + "\n";
        return new Result(Optional.of(new CardFile(card.id(), path, text, title)), notes);
    }

    private static Result skipped(String why) {
        return new Result(Optional.empty(), List.of(why));
    }

    /** {@code [sound:x.mp3]} becomes an audio element, which the markdown keeps pointing at the copied media. */
    private static String sounds(String html) {
        return SOUND.matcher(html)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        "<audio src=\"" + m.group(1).replace("\"", "&quot;") + "\"></audio>"));
    }

    private static String frontMatter(AnkiCard card, Note note, String title) {
        List<String> tags = Names.tags(note.tags());
        return "---\n"
                + "id: " + slugOf(card.id()) + "\n"
                + "title: " + quoted(title) + "\n"
                + (tags.isEmpty()
                        ? ""
                        : "tags: ["
                                + String.join(
                                        ", ",
                                        tags.stream()
                                                .map(CardConversion::quoted)
                                                .toList()) + "]\n")
                + "anki: {note: " + quoted(note.guid()) + ", card: " + card.ord() + "}\n"
                + "---\n";
    }

    /** A JSON string is a YAML double-quoted scalar, so any title or guid is written safely this way. */
    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }
}
