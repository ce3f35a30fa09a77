package dev.gradientdeck.present;

/**
 * The header's links, in the order shown; a page names the one it belongs to and the layout marks it. On a phone the bar
 * keeps only the daily one (Review); the others sit behind its menu with the search box.
 */
public enum Nav {
    HOME("/", "Home"),
    REVIEW("/review", "Review"),
    PRACTICE("/practice", "Practice"),
    INTERVIEW("/interview", "Interview"),
    CARDS("/cards", "Cards"),
    PAPERS("/papers", "Papers"),
    STATS("/stats", "Stats"),
    SCHEDULER("/scheduler", "Scheduler"),
    IMPORT("/import", "Import"),
    SETTINGS("/settings", "Settings");

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

    /** Whether a phone's compact bar shows this link itself rather than only in the menu. */
    public boolean onPhoneBar() {
        return this == REVIEW;
    }
}
