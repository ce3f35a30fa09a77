package dev.gradientdeck.cards;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What the "New card" form asks for, checked and turned into a card file in the deck's own format. */
public record NewCard(String title, String deck, String tags, String question, String answer, String fileName) {
    private static final int MAX_TEXT = 100_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9\\-_]{0,79}");
    private static final Pattern DECK =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _\\-]{0,59}(/[A-Za-z0-9][A-Za-z0-9 _\\-]{0,59})?");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_\\-]{0,59}");

    public NewCard {
        title = clean(title);
        deck = clean(deck);
        tags = clean(tags);
        question = question == null ? "" : question.replace("\r\n", "\n").strip();
        answer = answer == null ? "" : answer.replace("\r\n", "\n").strip();
        fileName = clean(fileName);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** Problems by form field, in the order the form shows them; empty when the card can be written. */
    public Map<String, String> problems(Predicate<String> fileExists) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty()) problems.put("title", "Give the card a title.");
        else if (title.length() > 200) problems.put("title", "Keep the title under 200 characters.");
        if (!deck.isEmpty() && !DECK.matcher(deck).matches()) {
            problems.put("deck", "A deck name uses letters, digits, spaces, '-' and '_' (one '/' for a sub-deck).");
        }
        for (String tag : tagList()) {
            if (!TAG.matcher(tag).matches()) {
                problems.put(
                        "tags", "'" + tag + "' is not a tag: use letters, digits, '-' and '_', separated by spaces.");
                break;
            }
        }
        if (question.isEmpty()) problems.put("question", "The question is empty: a card needs one.");
        // A card file over 1 MB cannot be imported, so the form refuses what would make one.
        if (question.length() > MAX_TEXT) problems.put("question", "Keep the question under 100,000 characters.");
        if (answer.length() > MAX_TEXT) problems.put("answer", "Keep the answer under 100,000 characters.");
        if (!fileName.isEmpty()
                && !NAME.matcher(fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.md$", ""))
                        .matches()) {
            problems.put("fileName", "A file name uses lowercase letters, digits, '-' and '_' (up to 80).");
        }
        if (!problems.containsKey("deck") && !deck.isEmpty() && reserved(deck).isPresent()) {
            problems.put(
                    "deck",
                    "'" + reserved(deck).get()
                            + "' is a name Windows keeps for a device, so the deck folder could not be opened there; choose another.");
        }
        if (!problems.containsKey("fileName")
                && (!title.isEmpty() || !fileName.isEmpty())
                && reserved(fileNameOnly()).isPresent()) {
            problems.put(
                    "fileName",
                    "'" + fileNameOnly()
                            + "' is a name Windows keeps for a device, so the file could not be opened there; choose another file name.");
        }
        if (!problems.containsKey("fileName")
                && !problems.containsKey("deck")
                && (!title.isEmpty() || !fileName.isEmpty())
                && fileExists.test(relativePath())) {
            problems.put("fileName", "A card file named " + relativePath() + " already exists; choose another name.");
        }
        return problems;
    }

    /** Names Windows keeps for devices (with any extension): a file or folder so named cannot be opened there. */
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?", Pattern.CASE_INSENSITIVE);

    /** The first part of a path ('/'-separated) that is a Windows device name, if any. */
    static java.util.Optional<String> reserved(String path) {
        for (String part : path.split("/"))
            if (WINDOWS_DEVICE.matcher(part.strip()).matches()) return java.util.Optional.of(part.strip());
        return java.util.Optional.empty();
    }

    private String fileNameOnly() {
        return fileName.isEmpty()
                ? slugOf(title)
                : fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.md$", "");
    }

    public List<String> tagList() {
        List<String> list = new ArrayList<>();
        for (String t : tags.split("[,\\s]+")) {
            String tag = t.replaceFirst("^#", "");
            if (!tag.isEmpty() && !list.contains(tag)) list.add(tag);
        }
        return list;
    }

    public String relativePath() {
        String name = fileName.isEmpty()
                ? slugOf(title)
                : fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.md$", "");
        return (deck.isEmpty() ? "" : deck + "/") + name + ".md";
    }

    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-+$", "");
        return slug.isEmpty() ? "card" : slug;
    }

    /** Whether "# heading" would be read as a section (question, answer, papers, ...) rather than as the card's title. */
    private static boolean isSectionHeading(String heading) {
        // Parsed with a question of one word: a card without a title heading is titled by its question's first words.
        String probe = "# " + heading + "\n# Interview Question\nuntitled\n";
        try {
            return !(CardParser.parse("probe.md", probe.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            instanceof CardDocument doc)
                    || doc.title().equals("untitled");
        } catch (CardFileException e) {
            return true;
        }
    }

    /** The file text, in the same shape as the hand-written cards. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        String oneLine = title.replace("\n", " ");
        if (isSectionHeading(oneLine)) {
            // "# Question" as the first heading would be read as the question section: such a title goes in the front
            // matter.
            out.append("---\ntitle: \"")
                    .append(oneLine.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n---\n");
        } else {
            out.append("# ").append(oneLine).append('\n');
        }
        if (!tagList().isEmpty()) {
            out.append("#Tags:");
            for (String tag : tagList()) out.append(" #").append(tag);
            out.append('\n');
        }
        out.append("\n# Interview Question\n").append(question).append('\n');
        if (!answer.isEmpty()) out.append("\n# Answer\n").append(answer).append('\n');
        return out.toString();
    }
}
