package dev.gradientdeck.anki.apply;

import dev.gradientdeck.anki.apply.AnkiRepository.FileChange;
import dev.gradientdeck.anki.apply.AnkiRepository.StoredImport;
import dev.gradientdeck.anki.apply.HistoryImport.CardFacts;
import dev.gradientdeck.anki.convert.CardConversion;
import dev.gradientdeck.anki.model.AnkiCard;
import dev.gradientdeck.anki.model.Collection;
import dev.gradientdeck.anki.model.NoteType;
import dev.gradientdeck.anki.pkg.AnkiPackage;
import dev.gradientdeck.anki.pkg.CollectionReader;
import dev.gradientdeck.anki.pkg.MalformedPackage;
import dev.gradientdeck.anki.pkg.PackageLimits;
import dev.gradientdeck.anki.pkg.Scratch;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.DeckFolder;
import dev.gradientdeck.cards.DeckImporter;
import dev.gradientdeck.cards.ImportReport;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.PastAnswers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Imports an Anki package: reads it whole and stages its media and card files before writing anything (so a package that
 * cannot be read changes nothing), writes the files into {@code <deck>/anki/...} and {@code <deck>/media/}, lets the deck
 * sync import them like any card file, then brings in the review history. One import runs at a time.
 */
public final class AnkiImport {
    private final DeckFolder folder;
    private final DeckImporter importer;
    private final CardRepository cards;
    private final AnkiRepository repository;
    private final PastAnswers past;
    /** Read at each import, so an import schedules with the weights, zone and day start in use then. */
    private final Supplier<FsrsSettings> settings;

    private final Supplier<LearnerClock> clock;
    private final PackageLimits limits;

    public AnkiImport(
            DeckFolder folder,
            DeckImporter importer,
            CardRepository cards,
            AnkiRepository repository,
            PastAnswers past,
            Supplier<FsrsSettings> settings,
            Supplier<LearnerClock> clock,
            PackageLimits limits) {
        this.folder = folder;
        this.importer = importer;
        this.cards = cards;
        this.repository = repository;
        this.past = past;
        this.settings = settings;
        this.clock = clock;
        this.limits = limits;
    }

    /** The import as the app and the command line run it: the review log's own scheduler settings, the default limits. */
    public static AnkiImport over(
            AnkiRepository repository,
            DeckFolder folder,
            DeckImporter importer,
            CardRepository cards,
            dev.gradientdeck.review.Reviews reviews,
            Supplier<LearnerClock> clock) {
        return new AnkiImport(
                folder,
                importer,
                cards,
                repository,
                reviews.pastAnswers(),
                reviews::scheduler,
                clock,
                PackageLimits.defaults());
    }

    public PackageLimits limits() {
        return limits;
    }

    public synchronized StoredImport run(Path file, String fileName) throws MalformedPackage, IOException {
        Instant started = clock.get().now();
        try (AnkiPackage pkg = AnkiPackage.open(file, limits);
                CollectionReader reader = CollectionReader.open(pkg.collection(), pkg.format())) {
            Collection collection = reader.collection();
            try (Scratch scratch = Scratch.create("gd-anki-stage")) {
                Path staging = scratch.path();
                Warnings warnings = new Warnings();
                MediaStaging media =
                        MediaStaging.stage(pkg, staging, folder.root().resolve("media"));
                CardStaging files = new CardStaging(staging, folder.root(), repository.knownCards());
                Map<Long, CardFacts> facts = new HashMap<>();
                Set<Long> scripted = new HashSet<>();
                reader.forEachNote((note, noteCards) -> {
                    NoteType type = collection.noteTypes().get(note.noteTypeId());
                    for (AnkiCard card : noteCards) {
                        String label = "card " + card.id() + " (note " + note.guid() + ")";
                        facts.put(
                                card.id(), new CardFacts(card.id(), label, card.type(), card.memory(), card.deckId()));
                        var result = CardConversion.convert(
                                collection, note, card, media.urls(), files.knownPath(card.id()));
                        result.notes().forEach(warnings::line);
                        if (result.file().isEmpty()) continue;
                        if (type != null && usesScript(type)) scripted.add(type.id());
                        files.add(
                                result.file().get(),
                                note.guid(),
                                card.ord(),
                                Math.max(note.modified(), type == null ? 0 : type.mod()));
                    }
                });
                int cardless = reader.notesWithoutCards();
                if (cardless > 0)
                    warnings.line(
                            cardless
                                    + " notes have no cards in the package (Anki made none from their fields); nothing to import for them");
                for (long typeId : scripted) {
                    warnings.line(
                            "note type \"" + collection.noteTypes().get(typeId).name()
                                    + "\" draws part of its cards with a script "
                                    + "(image occlusion masks, for example), which Gradient Deck does not run: its cards show their fields and images only");
                }

                // Everything is read and staged: writing starts here.
                long importId = repository.begin(fileName, collection.format().key(), started);
                media.commit();
                CardStaging.Written written = files.write();
                for (FileChange change : written.changes()) repository.recordFile(importId, change);
                for (CardStaging.Staged card : written.cards()) {
                    repository.recordCard(
                            importId, card.ankiCardId(), card.guid(), card.ord(), card.contentMod(), card.path());
                }
                if (written.keptEdits() > 0) {
                    warnings.line(written.keptEdits()
                            + " card files keep the edits made to them: the package's notes are not newer than "
                            + "the ones imported before");
                }
                ImportReport sync = importer.sync("anki import");
                Set<Long> imported = importedCards(written, sync, warnings);
                HistoryImport.Result history = new HistoryImport(
                                repository,
                                past,
                                cards,
                                collection,
                                facts,
                                imported,
                                importId,
                                settings.get(),
                                clock.get(),
                                warnings)
                        .run(reader);
                int withState = (int) facts.values().stream()
                        .filter(f -> f.memory().isPresent())
                        .count();
                if (history.ankiParametersCards() > 0) {
                    warnings.line(
                            "FSRS: with the parameters Anki saved in the package, the replay matches Anki's memory for "
                                    + history.ankiParametersMatched() + " of " + history.ankiParametersCards()
                                    + " cards; Gradient Deck "
                                    + "schedules with its own parameters, which match for " + history.fsrsWithin()
                                    + " of " + withState);
                }
                AnkiReport report = new AnkiReport(
                        collection.format().key(),
                        collection.counts().notes(),
                        collection.counts().cards(),
                        history.reviews(),
                        new TreeMap<>(history.skipped()),
                        media.count(),
                        withState,
                        history.fsrsWithin(),
                        written.updated(),
                        written.unchanged(),
                        warnings.all());
                repository.saveReport(importId, report);
                return repository.find(importId).orElseThrow();
            }
        }
    }

    /** Cards whose files the sync imported; a file it found broken is reported, and its card's answers are skipped. */
    private static Set<Long> importedCards(CardStaging.Written written, ImportReport sync, Warnings warnings) {
        Map<String, ImportReport.ImportError> broken = new HashMap<>();
        for (ImportReport.ImportError e : sync.errors()) broken.put(e.file(), e);
        Set<Long> imported = new HashSet<>();
        for (CardStaging.Staged card : written.cards()) {
            ImportReport.ImportError error = broken.get(card.path());
            if (error == null) {
                imported.add(card.ankiCardId());
            } else {
                warnings.line(card.path() + ":" + error.line() + ": " + error.message() + " (card " + card.ankiCardId()
                        + " not imported)");
            }
        }
        return imported;
    }

    private static boolean usesScript(NoteType type) {
        return type.templates().stream()
                .anyMatch(t -> (t.question() + t.answer())
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("<script"));
    }

    /** Why an undo was refused, in the learner's words. */
    public static final class UndoRefused extends Exception {
        public UndoRefused(String message) {
            super(message);
        }
    }

    /**
     * Undoes an import as a whole: the card files it created are removed (so the sync archives their cards, history kept as
     * for any deleted file), the files it replaced get their text back, and the answers it added are taken back out of the log.
     */
    public synchronized StoredImport undo(long importId) throws UndoRefused, IOException {
        StoredImport stored = repository
                .find(importId)
                .orElseThrow(() -> new UndoRefused("There is no Anki import " + importId + "."));
        if (stored.undoneAt().isPresent())
            throw new UndoRefused("The import of " + stored.fileName() + " was already undone.");
        var later = repository.laterImportOnSameFiles(importId);
        if (later.isPresent()) {
            throw new UndoRefused("A later import (" + later.get() + ") changed the same cards; undo that one first.");
        }
        List<FileChange> changes = repository.files(importId);
        for (FileChange change : changes) {
            Path target = folder.root().resolve(change.path()).normalize();
            if (!target.startsWith(folder.root())) continue;
            if (change.previousText().isEmpty()) {
                Files.deleteIfExists(target);
            } else {
                Path text = Files.createTempFile("gd-anki-undo", ".md");
                try {
                    Files.writeString(text, change.previousText().get(), StandardCharsets.UTF_8);
                    CardStaging.writeAtomically(text, target);
                } finally {
                    Files.deleteIfExists(text);
                }
            }
        }
        importer.sync("anki undo");
        past.withdraw(repository.reviewIds(importId));
        repository.markUndone(importId, clock.get().now(), changes);
        return repository.find(importId).orElseThrow();
    }

    public List<StoredImport> recent(int limit) {
        return repository.recent(limit);
    }
}
