package dev.gradientdeck.present;

/** The header's links, in the order shown; a page names the one it belongs to and the layout marks it. */
public enum Nav {
    HOME("/", "Home"),
    REVIEW("/review", "Review"),
    PRACTICE("/practice", "Practice"),
    CARDS("/cards", "Cards"),
    PAPERS("/papers", "Papers"),
    STATS("/stats", "Stats"),
    SCHEDULER("/scheduler", "Scheduler"),
    IMPORT("/import", "Import");

    private final String path;
    private final String label;

    Nav(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }
}
