package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardRepository.StoredFile;
import dev.gradientdeck.cards.ImportReport.ImportError;
import dev.gradientdeck.cards.RenderedCard.RenderedCitation;
import dev.gradientdeck.cards.RenderedCard.RenderedSection;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.papers.PaperImportRepository;
import dev.gradientdeck.papers.PaperImportRepository.NoteChanges;
import dev.gradientdeck.papers.PaperImportRepository.PaperFile;
import dev.gradientdeck.papers.PaperImportRepository.StoredNote;
import dev.gradientdeck.settings.LearnerSettings;
import dev.gradientdeck.web.Markdown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the deck folder into the database: new files are added, changed ones updated (by content hash), vanished ones
 * archived with their history, returning ones restored. A broken file is reported and changes nothing stored.
 * Paper files are stored beside the cards, and the papers derived from both are written in the same transaction.
 */
public final class DeckImporter {
    private static final Logger LOG = LoggerFactory.getLogger(DeckImporter.class);

    private final DeckFolder folder;
    private final CardRepository cards;
    private final PaperImportRepository papers;
    private final LearnerSettings.Source learner;
    private final BlockCheck descent;
    /** Active cards after the last sync, for the health check: counted once per sync, never per request. */
    private volatile int activeCards = -1;

    /**
     * The learner's clock dates carried records; their paper prompts setting decides prompts for decks that do not.
     * {@code descent} checks each ```descent block (the app passes the descent feature's check).
     */
    public DeckImporter(
            DeckFolder folder,
            CardRepository cards,
            PaperImportRepository papers,
            LearnerSettings.Source learner,
            BlockCheck descent) {
        this.folder = folder;
        this.cards = cards;
        this.papers = papers;
        this.learner = learner;
        this.descent = descent;
    }

    /** An importer that takes every ```descent block as it is, for decks without descent cards. */
    public DeckImporter(
            DeckFolder folder, CardRepository cards, PaperImportRepository papers, LearnerSettings.Source learner) {
        this(folder, cards, papers, learner, BlockCheck.NONE);
    }

    /**
     * Files parsed and rendered per batch. A batch is written while the next one renders, so the cores that render and the
     * one that writes work at once, and only two batches of HTML are in memory whatever the size of the deck.
     */
    static final int BATCH = 200;

    /** Whatever the trigger (start-up, watcher, button, command line), one sync runs at a time. */
    public synchronized ImportReport sync(String trigger) {
        long started = System.nanoTime();
        LearnerClock clock = learner.learnerClock();
        boolean promptsByDefault = learner.current().paperPrompts();
        DeckFolder.Listing listing = folder.listing();
        List<DeckFolder.CardFile> files = listing.files();
        Map<String, StoredFile> byPath = new HashMap<>();
        Map<String, StoredFile> bySlug = new HashMap<>();
        for (StoredFile stored : cards.storedFiles()) {
            byPath.put(stored.path(), stored);
            bySlug.put(stored.slug(), stored);
        }
        Map<String, StoredNote> notesByPath = new HashMap<>();
        for (StoredNote note : papers.storedNotes()) notesByPath.put(note.path(), note);

        java.time.Instant at = clock.now();
        Set<String> deckPaths = new HashSet<>();
        for (DeckFolder.CardFile file : files) deckPaths.add(file.path());
        Outcome outcome = new Outcome(deckPaths);
        // A folder that cannot be read is reported like a broken file, and the cards stored from it are kept, not
        // archived.
        for (DeckFolder.Unreadable u : listing.unreadable())
            outcome.errors.add(new ImportError(u.path(), 0, "not read: " + u.reason()));
        // Rendering gets every core while this thread writes: the common pool keeps one core back for the caller.
        ForkJoinPool renderers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            cards.inSync(at, writer -> {
                CompletableFuture<List<Parsed>> next = parseLater(renderers, files, 0, byPath, notesByPath, clock);
                for (int from = 0; from < files.size(); from += BATCH) {
                    List<Parsed> parsed = next.join();
                    if (from + BATCH < files.size())
                        next = parseLater(renderers, files, from + BATCH, byPath, notesByPath, clock);
                    for (Parsed p : parsed) outcome.take(p, bySlug, writer);
                    writer.flush();
                }
                outcome.finish(byPath, notesByPath, path -> underUnreadable(path, listing.unreadable()));
                writer.finish(new CardRepository.SyncEnd(
                        outcome.restores,
                        outcome.archives,
                        new NoteChanges(outcome.changedNotes, outcome.keptNotes),
                        outcome.restamps,
                        outcome.report(at, trigger, 0).changedAnything(),
                        promptsByDefault));
            });
        } finally {
            renderers.shutdown();
        }
        // The time reported is the whole sync, reading through writing, so a learner's "it took 20 s" matches the
        // report.
        ImportReport report = outcome.report(at, trigger, (System.nanoTime() - started) / 1_000_000);
        cards.saveReport(report, promptsByDefault);
        activeCards = cards.activeCount();
        log(report);
        return report;
    }

    private boolean underUnreadable(String path, List<DeckFolder.Unreadable> unreadable) {
        for (DeckFolder.Unreadable u : unreadable) {
            if (u.path().equals(folder.root().toString()) || path.equals(u.path()) || path.startsWith(u.path() + "/"))
                return true;
        }
        return false;
    }

    /** Active cards (paper prompts among them) as of the last sync; counted once if no sync ran yet. */
    public int activeCards() {
        int known = activeCards;
        if (known < 0) {
            known = cards.activeCount();
            activeCards = known;
        }
        return known;
    }

    private CompletableFuture<List<Parsed>> parseLater(
            ForkJoinPool renderers,
            List<DeckFolder.CardFile> files,
            int from,
            Map<String, StoredFile> byPath,
            Map<String, StoredNote> notesByPath,
            LearnerClock clock) {
        List<DeckFolder.CardFile> batch =
                files.subList(Math.min(from, files.size()), Math.min(from + BATCH, files.size()));
        return CompletableFuture.supplyAsync(
                () -> batch.parallelStream()
                        .map(file -> parseUnlessUnchanged(
                                file, byPath.get(file.path()), notesByPath.get(file.path()), clock))
                        .toList(),
                renderers);
    }

    /** What the sync found, file by file in deck order, and the counts its report gives. */
    private static final class Outcome {
        final List<ImportError> errors = new ArrayList<>();
        final Map<Long, String> restamps = new HashMap<>();
        final Set<Long> seen = new HashSet<>();
        final Set<String> brokenPaths = new HashSet<>();
        final Map<String, String> pathOfSlug = new HashMap<>();
        final List<Long> restores = new ArrayList<>();
        final List<Long> archives = new ArrayList<>();
        final List<PaperFile> changedNotes = new ArrayList<>();
        final Set<String> changedNotePaths = new HashSet<>();
        final Set<String> keptNotes = new HashSet<>();
        /** The paths of the deck's files now: a card whose file is still here keeps its id against a newcomer. */
        final Set<String> deckPaths;

        int inserted, updated, updatedAndRestored, unchanged, notesAdded, notesRemoved;

        Outcome(Set<String> deckPaths) {
            this.deckPaths = deckPaths;
        }

        void take(Parsed p, Map<String, StoredFile> bySlug, CardRepository.SyncWriter writer) {
            if (p.error() != null) {
                broken(p.path(), p.error());
                return;
            }
            if (p.unchangedNote()) {
                keptNotes.add(p.path());
                unchanged++;
                return;
            }
            if (p.note() != null) {
                changedNotes.add(p.note());
                changedNotePaths.add(p.path());
                return;
            }
            if (p.card() != null
                    && PaperImportRepository.isPromptSlug(p.card().document().slug())) {
                broken(
                        p.path(),
                        new ImportError(
                                p.path(),
                                1,
                                "id '" + p.card().document().slug() + "' is kept for paper prompts; choose another"));
                return;
            }
            String slug = p.unchanged() != null
                    ? p.unchanged().slug()
                    : p.card().document().slug();
            String other = pathOfSlug.putIfAbsent(slug, p.path());
            // A file that claims the id of a card whose own file is still in the deck does not take that card over.
            StoredFile owner = bySlug.get(slug);
            if (other == null && owner != null && !owner.path().equals(p.path()) && deckPaths.contains(owner.path())) {
                pathOfSlug.remove(slug);
                other = owner.path();
            }
            if (other != null) {
                broken(p.path(), new ImportError(p.path(), 1, "id '" + slug + "' is already used by " + other));
                return;
            }
            if (p.unchanged() != null) {
                seen.add(p.unchanged().id());
                // Saved again without a change (same bytes, new time): remember the new stamp so the next sync skips
                // it.
                if (!p.stamp().equals(p.unchanged().fileStamp()))
                    restamps.put(p.unchanged().id(), p.stamp());
                if (p.unchanged().archived()) restores.add(p.unchanged().id());
                else unchanged++;
                return;
            }
            StoredFile existing = bySlug.get(slug);
            if (existing == null) {
                writer.insert(p.card());
                inserted++;
            } else if (seen.add(existing.id())) {
                writer.update(existing.id(), p.card());
                updated++;
                if (existing.archived()) {
                    restores.add(existing.id());
                    updatedAndRestored++;
                }
            }
        }

        private void broken(String path, ImportError error) {
            errors.add(error);
            brokenPaths.add(path);
        }

        void finish(Map<String, StoredFile> byPath, Map<String, StoredNote> notesByPath, Predicate<String> unreadable) {
            for (StoredFile stored : byPath.values()) {
                // A card whose file is broken or unreadable right now keeps its last good version: nothing stored is
                // lost.
                if (!stored.archived()
                        && !seen.contains(stored.id())
                        && !brokenPaths.contains(stored.path())
                        && !unreadable.test(stored.path())) archives.add(stored.id());
            }
            // A paper file that is broken now keeps its last good version, like a card.
            keptNotes.addAll(brokenPaths);
            for (String path : changedNotePaths) if (!notesByPath.containsKey(path)) notesAdded++;
            notesRemoved = (int) notesByPath.keySet().stream()
                    .filter(path -> !keptNotes.contains(path) && !changedNotePaths.contains(path))
                    .count();
            errors.sort(java.util.Comparator.comparing(ImportError::file).thenComparingInt(ImportError::line));
        }

        ImportReport report(java.time.Instant at, String trigger, long millis) {
            return new ImportReport(
                    at,
                    trigger,
                    inserted + notesAdded,
                    updated - updatedAndRestored + changedNotes.size() - notesAdded,
                    unchanged,
                    archives.size() + notesRemoved,
                    restores.size(),
                    List.copyOf(errors),
                    millis);
        }
    }

    /** One file's outcome: an unchanged card or paper file, a changed one ready to store, or an error. */
    private record Parsed(
            String path,
            String stamp,
            StoredFile unchanged,
            RenderedCard card,
            boolean unchangedNote,
            PaperFile note,
            ImportError error) {
        static Parsed failed(DeckFolder.CardFile file, ImportError error) {
            return new Parsed(file.path(), file.stamp(), null, null, false, null, error);
        }
    }

    private Parsed parseUnlessUnchanged(
            DeckFolder.CardFile file, StoredFile stored, StoredNote storedNote, LearnerClock clock) {
        if (stored != null && stored.fileStamp().equals(file.stamp()))
            return new Parsed(file.path(), file.stamp(), stored, null, false, null, null);
        try {
            DeckFolder.Contents contents = folder.read(file);
            if (stored != null && stored.contentHash().equals(contents.hash()))
                return new Parsed(file.path(), file.stamp(), stored, null, false, null, null);
            if (storedNote != null && storedNote.contentHash().equals(contents.hash()))
                return new Parsed(file.path(), file.stamp(), null, null, true, null, null);
            DeckFile parsed = CardParser.parse(file.path(), contents.bytes());
            if (parsed instanceof PaperDocument paper) {
                PaperFile note = new PaperFile(
                        file.path(),
                        paper.deck(),
                        contents.hash(),
                        paper.note(),
                        Markdown.toSafeHtml(paper.note().notes()),
                        paper.paperPrompts());
                return new Parsed(file.path(), file.stamp(), null, null, false, note, null);
            }
            CardDocument doc = (CardDocument) parsed;
            checkDescent(doc);
            // Without a front-matter date, a carried record is as of the learner's day the file was last saved.
            LocalDate recordDate =
                    doc.date().orElseGet(() -> clock.dayKey(file.modified()).date());
            return new Parsed(
                    file.path(),
                    file.stamp(),
                    null,
                    render(doc, file.path(), contents.hash(), file.stamp(), recordDate),
                    false,
                    null,
                    null);
        } catch (CardFileException e) {
            return Parsed.failed(file, new ImportError(file.path(), e.line(), e.getMessage()));
        } catch (java.io.IOException e) {
            return Parsed.failed(file, new ImportError(file.path(), 1, "cannot read the file: " + e.getMessage()));
        }
    }

    /** Whether a card file's text would import: the same checks as a sync, for the edit form before it writes. */
    public void check(String path, byte[] bytes) throws CardFileException {
        if (CardParser.parse(path, bytes) instanceof CardDocument doc) checkDescent(doc);
    }

    /** A descent card whose spec cannot run is broken like any other file, reported at the spec's line in the file. */
    private void checkDescent(CardDocument doc) throws CardFileException {
        if (doc.descent().isEmpty()) return;
        CardDocument.DescentBlock block = doc.descent().get();
        Optional<BlockCheck.Problem> problem = descent.problem(block.yaml());
        if (problem.isPresent())
            throw new CardFileException(
                    block.line() + problem.get().line() - 1, problem.get().message());
    }

    static RenderedCard render(CardDocument doc, String path, String hash, String stamp, LocalDate recordDate) {
        List<RenderedSection> sections = doc.otherSections().stream()
                .map(s -> new RenderedSection(s.heading(), Markdown.toSafeHtml(s.markdown())))
                .toList();
        List<RenderedCitation> citations = doc.citations().stream()
                .map(c -> new RenderedCitation(c.title(), c.url(), c.summary(), Markdown.toSafeHtml(c.summary())))
                .toList();
        List<String> keyPoints =
                doc.keyPoints().stream().map(Markdown::toSafeInlineHtml).toList();
        Markdown.Rendered question = Markdown.toHtmlAndText(doc.question());
        Markdown.Rendered answer = Markdown.toHtmlAndText(doc.answer());
        return new RenderedCard(
                doc,
                path,
                hash,
                stamp,
                question.html(),
                answer.html(),
                question.plainText(),
                answer.plainText(),
                keyPoints,
                sections,
                citations,
                recordDate);
    }

    private static void log(ImportReport r) {
        if (r.changedAnything() || !r.errors().isEmpty() || r.trigger().equals("start")) {
            LOG.info(
                    "deck sync ({}): {} added, {} updated, {} unchanged, {} archived, {} restored, {} broken in {} ms",
                    r.trigger(),
                    r.added(),
                    r.updated(),
                    r.unchanged(),
                    r.archived(),
                    r.restored(),
                    r.errors().size(),
                    r.millis());
        }
        for (ImportError e : r.errors()) LOG.warn("{}:{}: {}", e.file(), e.line(), e.message());
    }
}
