package dev.gradientdeck.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A card file's YAML front matter and what it says about the card's identity: id, deck, tags, date, paper prompts.
 * A file without front matter gets its identity from where it sits in the deck folder.
 */
record FrontMatter(JsonNode fields, int bodyStart, List<String> lines) {
    static final String DEFAULT_DECK = "Default";
    static final YAMLMapper YAML = new YAMLMapper();
    static final Pattern TAG = Pattern.compile("#?([\\p{L}\\p{N}][\\p{L}\\p{N}_\\-/]*)");
    private static final Pattern SAFE_ID =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*(/[A-Za-z0-9][A-Za-z0-9._\\-]*)*");
    private static final Set<String> FRONT_MATTER_KEYS =
            Set.of("id", "title", "tags", "deck", "date", "kind", "paper-prompts");

    String text(String key) {
        JsonNode node = fields.get(key);
        return node == null || node.isNull() ? null : node.asText();
    }

    int lineOf(String key) {
        return lineOfKey(lines, lines.size(), key);
    }

    /** A top-level value as it is written in the file, without a trailing comment. */
    String written(String key) {
        String line = lines.get(lineOf(key) - 1);
        return line.substring(line.indexOf(':') + 1)
                .replaceFirst("\\s+#.*$", "")
                .strip();
    }

    static FrontMatter read(List<String> lines) throws CardFileException {
        if (!lines.get(0).strip().equals("---")) return new FrontMatter(YAML.createObjectNode(), 0, List.of());
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("---") || l.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) throw new CardFileException(1, "front matter opened with '---' at line 1 is never closed");
        String yaml = String.join("\n", lines.subList(1, close));
        JsonNode node;
        try {
            node = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            throw new CardFileException(line, "front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode() || node.isNull()) node = YAML.createObjectNode();
        if (!node.isObject()) throw new CardFileException(2, "front matter must be a set of 'key: value' lines");
        for (String key : FRONT_MATTER_KEYS) {
            JsonNode value = node.get(key);
            boolean fits =
                    value == null || (key.equals("tags") ? value.isArray() || value.isTextual() : value.isValueNode());
            if (!fits) {
                throw new CardFileException(
                        lineOfKey(lines, close, key), "front matter '" + key + "' has the wrong type");
            }
        }
        return new FrontMatter(node, close + 1, lines.subList(0, close));
    }

    private static int lineOfKey(List<String> lines, int close, String key) {
        for (int i = 1; i < close; i++) if (lines.get(i).startsWith(key + ":")) return i + 1;
        return 1;
    }

    /** A file's choice of paper prompts for its deck; saying nothing leaves it to the learner's setting. */
    Optional<Boolean> paperPrompts() throws CardFileException {
        JsonNode value = fields().get("paper-prompts");
        if (value == null || value.isNull()) return Optional.empty();
        if (value.isBoolean()) return Optional.of(value.booleanValue());
        throw new CardFileException(
                lineOf("paper-prompts"),
                "front matter 'paper-prompts' is '" + value.asText() + "'; write true or false");
    }

    List<String> tags() throws CardFileException {
        JsonNode node = fields().get("tags");
        List<String> tags = new ArrayList<>();
        if (node == null || node.isNull()) return tags;
        if (node.isArray())
            node.forEach(t -> tags.add(t.asText().replaceFirst("^#", "").strip()));
        else for (String t : node.asText().split("[,\\s]+")) if (!t.isBlank()) tags.add(t.replaceFirst("^#", ""));
        tags.removeIf(String::isBlank);
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new CardFileException(
                        lineOf("tags"),
                        "front matter tag '" + tag + "' is not a tag: use letters, digits, '_', '-' and '/'");
            }
        }
        return tags;
    }

    String slug(String relativePath) throws CardFileException {
        String id = text("id");
        if (id != null && !id.isBlank()) {
            id = id.strip();
            if (!SAFE_ID.matcher(id).matches() || id.contains("..") || id.length() > 200) {
                throw new CardFileException(
                        lineOf("id"),
                        "front matter id '" + id + "' may use letters, digits, '.', '_', '-' and '/' between names");
            }
            return id;
        }
        return withoutExtension(relativePath.replace('\\', '/'));
    }

    static String withoutExtension(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".md") ? path.substring(0, path.length() - 3) : path;
    }

    String deck(String relativePath) {
        String written = text("deck");
        return written != null && !written.isBlank() ? written.strip() : deckOf(relativePath);
    }

    static String deckOf(String relativePath) {
        String path = relativePath.replace('\\', '/');
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : DEFAULT_DECK;
    }

    Optional<LocalDate> date() throws CardFileException {
        String raw = text("date");
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(
                    LocalDate.parse(raw.strip().length() > 10 ? raw.strip().substring(0, 10) : raw.strip()));
        } catch (DateTimeParseException e) {
            throw new CardFileException(
                    lineOf("date"), "front matter date '" + raw + "' is not a date like 2026-11-21");
        }
    }
}
