package dev.gradientdeck.anki.convert;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Where an Anki card's file goes and what its tags become, in the names card files allow. */
public final class Names {
    /** The folder under the deck that every imported card lives in. */
    public static final String FOLDER = "anki";

    private Names() {}

    /** {@code anki/<deck path>/<words of the title>-<card id>.md}: readable, and unique by the card id. */
    static String cardPath(List<String> deckPath, String title, long cardId) {
        StringBuilder path = new StringBuilder(FOLDER);
        for (String part : deckPath) path.append('/').append(folder(part));
        String words = slug(title);
        return path.append('/')
                .append(words.isEmpty() ? "" : words + "-")
                .append(cardId)
                .append(".md")
                .toString();
    }

    /** A deck name as a folder name: no separators, no characters file systems refuse, no leading dot. */
    static String folder(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-").strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (safe.length() > 80) safe = safe.substring(0, 80).strip();
        return safe.isEmpty() ? "Deck" : safe;
    }

    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
        return slug.replaceAll("^-+|-+$", "");
    }

    /** Anki tags as card tags: "::" levels become "/", other characters a card tag cannot hold become "-". */
    public static List<String> tags(List<String> ankiTags) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : ankiTags) {
            String t = tag.replace("::", "/")
                    .replaceAll("[^\\p{L}\\p{N}_\\-/]+", "-")
                    .replaceAll("/{2,}", "/")
                    .replaceAll("^[^\\p{L}\\p{N}]+", "")
                    .replaceAll("[/-]+$", "");
            if (!t.isEmpty()) out.add(t);
        }
        return new ArrayList<>(out);
    }

    /**
     * A media file name as stored in the deck's media folder: the name Anki used, unless it could escape the folder or hide
     * itself, in which case its unsafe characters become "_".
     */
    public static String mediaFile(String ankiName) {
        String name = ankiName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.startsWith(".")) name = "_" + name.substring(1);
        if (name.isEmpty()) name = "_";
        // The deck folder reads every .md file as a card; a media file must never be taken for one.
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) name = name + "_";
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The URL a card uses for a media file in the deck's media folder, served by the app at /media/. */
    public static String mediaUrl(String fileName) {
        return "/media/"
                + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }
}
