package dev.gradientdeck.anki.convert;

/** A card's title from its question's words: the first line, at most 80 characters, cut at a word. */
final class Titles {
    static final int MAX = 80;

    private Titles() {}

    static String of(String questionText, String fallback) {
        String text =
                questionText.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) return fallback;
        if (text.length() <= MAX) return text;
        int cut = text.lastIndexOf(' ', MAX - 3);
        return (cut > MAX / 2 ? text.substring(0, cut) : text.substring(0, MAX - 3)) + "...";
    }
}
