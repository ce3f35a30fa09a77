package dev.gradientdeck.anki.web;

import dev.gradientdeck.anki.apply.AnkiImport;
import dev.gradientdeck.anki.apply.AnkiReport;
import dev.gradientdeck.anki.pkg.MalformedPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code import-anki FILE}: the report printed and exit 0, or one line and exit 2 for a file that is not an Anki package. */
public final class AnkiCommand {
    private AnkiCommand() {}

    public static int run(AnkiImport imports, Path file, PrintWriter out, PrintWriter err) throws IOException {
        if (!Files.isRegularFile(file)) {
            err.println("gradient-deck: import-anki: " + file + " is not a file");
            err.flush();
            return 2;
        }
        AnkiReport r;
        try {
            r = imports.run(file, file.getFileName().toString()).report();
        } catch (MalformedPackage e) {
            err.println("gradient-deck: import-anki: " + file + ": " + e.getMessage() + "; nothing was imported");
            err.flush();
            return 2;
        }
        out.printf(
                "Imported %s (%s): %d notes, %d cards (%d updated, %d unchanged), %d media files%n",
                file.getFileName(), r.format(), r.notes(), r.cards(), r.updated(), r.unchanged(), r.media());
        out.printf(
                "Reviews: %d in your log, %d log rows skipped%s%n",
                r.reviews(),
                r.skippedTotal(),
                r.reviewsSkipped().isEmpty() ? "" : " " + new java.util.TreeMap<>(r.reviewsSkipped()));
        if (r.cardsWithFsrsState() > 0) {
            out.printf(
                    "FSRS: %d of %d cards with Anki's memory state replay to within 1 %%%n",
                    r.fsrsWithin1Percent(), r.cardsWithFsrsState());
        }
        for (String warning : r.warnings()) out.println("- " + warning);
        out.flush();
        return 0;
    }
}
