package dev.gradientdeck.anki.pkg;

/**
 * Bounds on what one package may unpack to, so a zip bomb (a tiny entry that inflates to gigabytes) is refused instead of
 * filling the disk. Sizes are counted as bytes come out, never taken from the zip's own headers, which may lie.
 */
public record PackageLimits(
        long maxPackageBytes, long maxCollectionBytes, long maxMediaFileBytes, long maxTotalBytes, int maxEntries) {
    /** 200 MB packages (Anki's own shared-deck limit is about that); unpacked, a collection up to 2 GB and 6 GB in all. */
    public static PackageLimits defaults() {
        return new PackageLimits(
                200L * 1024 * 1024, 2L * 1024 * 1024 * 1024, 200L * 1024 * 1024, 6L * 1024 * 1024 * 1024, 200_000);
    }
}
