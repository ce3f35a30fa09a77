package dev.gradientdeck.anki.apply;

import dev.gradientdeck.anki.apply.AnkiRepository.FileChange;
import dev.gradientdeck.anki.apply.AnkiRepository.KnownCard;
import dev.gradientdeck.anki.convert.CardConversion.CardFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The package's cards as files, staged first (each text in a temporary file, so a large collection never sits in the heap)
 * and then written into the deck folder: a new card gets its file; a card imported before is rewritten only when its note
 * is newer than the version written last time (so re-importing the same package changes nothing, and edits the learner
 * made to a file stay until Anki has a newer version); a file the learner deleted comes back.
 */
final class CardStaging {
    /** One card's file, staged: which Anki card, from which note and note version, to which path. */
    record Staged(long ankiCardId, String guid, int ord, long contentMod, String path, Path text) {}

    /** What writing did: files created or replaced (for undo), and the counts for the report. */
    record Written(List<FileChange> changes, List<Staged> cards, int updated, int unchanged, int keptEdits) {}

    private final Path stagingDir;
    private final Path deck;
    private final Map<Long, KnownCard> known;
    private final List<Staged> staged = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();

    CardStaging(Path stagingDir, Path deck, Map<Long, KnownCard> known) {
        this.stagingDir = stagingDir;
        this.deck = deck;
        this.known = known;
    }

    Optional<String> knownPath(long ankiCardId) {
        return Optional.ofNullable(known.get(ankiCardId)).map(KnownCard::path);
    }

    void add(CardFile file, String guid, int ord, long contentMod) throws IOException {
        String path = file.path();
        // Another file already at this path that is not this card's: the card takes a name by its id alone.
        if (!knownPath(file.ankiCardId()).isPresent() && (paths.contains(path) || Files.exists(deck.resolve(path)))) {
            path = path.substring(0, path.lastIndexOf('/') + 1) + file.ankiCardId() + ".md";
        }
        paths.add(path);
        Path text = stagingDir.resolve("c" + staged.size() + ".md");
        Files.writeString(text, file.text(), StandardCharsets.UTF_8);
        staged.add(new Staged(file.ankiCardId(), guid, ord, contentMod, path, text));
    }

    int size() {
        return staged.size();
    }

    Written write() throws IOException {
        List<FileChange> changes = new ArrayList<>();
        int updated = 0, unchanged = 0, keptEdits = 0;
        for (Staged card : staged) {
            Path target = deck.resolve(card.path()).normalize();
            if (!target.startsWith(deck)) throw new IOException("'" + card.path() + "' is outside the deck folder");
            KnownCard before = known.get(card.ankiCardId());
            String text = Files.readString(card.text(), StandardCharsets.UTF_8);
            if (Files.exists(target)) {
                String current = Files.readString(target, StandardCharsets.UTF_8);
                if (current.equals(text)) {
                    unchanged++;
                    continue;
                }
                if (before != null && card.contentMod() <= before.noteMod()) {
                    keptEdits++;
                    unchanged++;
                    continue;
                }
                changes.add(new FileChange(
                        card.path(),
                        card.ankiCardId(),
                        Optional.of(current),
                        Optional.ofNullable(before).map(KnownCard::noteMod),
                        Optional.ofNullable(before).map(KnownCard::importId)));
                updated++;
            } else {
                changes.add(new FileChange(
                        card.path(), card.ankiCardId(), Optional.empty(), Optional.empty(), Optional.empty()));
            }
            writeAtomically(card.text(), target);
        }
        return new Written(changes, staged, updated, unchanged, keptEdits);
    }

    /** Through a hidden file and a rename, so the deck watcher never reads half a card. */
    static void writeAtomically(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path hidden = target.resolveSibling("." + target.getFileName() + ".part");
        Files.copy(source, hidden, StandardCopyOption.REPLACE_EXISTING);
        Files.move(hidden, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
