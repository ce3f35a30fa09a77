package dev.gradientdeck.anki.model;

/** Which collection a package carried: the newest layout first, as the importer prefers them. */
public enum Format {
    /** {@code collection.anki21b}: zstd-compressed SQLite, schema 18 (Anki 2.1.50 and later). */
    ANKI21B("anki21b", "collection.anki21b"),
    /** {@code collection.anki21}: plain SQLite, schema 11 (Anki 2.1). */
    ANKI21("anki21", "collection.anki21"),
    /** {@code collection.anki2}: plain SQLite, schema 11 (Anki 2.0, and the stub newer packages carry). */
    ANKI2("anki2", "collection.anki2");

    private final String key;
    private final String entry;

    Format(String key, String entry) {
        this.key = key;
        this.entry = entry;
    }

    /** The name the import report uses. */
    public String key() {
        return key;
    }

    /** The zip member holding this collection. */
    public String entry() {
        return entry;
    }
}
