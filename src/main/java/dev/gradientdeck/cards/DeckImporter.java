package dev.gradientdeck.cards;

import dev.gradientdeck.cards.CardRepository.StoredFile;
import dev.gradientdeck.cards.CardRepository.SyncPlan;
import dev.gradientdeck.cards.ImportReport.ImportError;
import dev.gradientdeck.cards.RenderedCard.RenderedCitation;
import dev.gradientdeck.cards.RenderedCard.RenderedSection;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.settings.LearnerSettings;
import dev.gradientdeck.papers.PaperRepository;
import dev.gradientdeck.papers.PaperRepository.NoteChanges;
import dev.gradientdeck.papers.PaperRepository.PaperFile;
import dev.gradientdeck.papers.PaperRepository.StoredNote;
import dev.gradientdeck.web.Markdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Syncs the deck folder into the database: new files are added, changed ones updated (by content hash), vanished ones
 * archived with their history, returning ones restored. A broken file is reported and changes nothing stored.
 * Paper files are stored beside the cards, and the papers derived from both are written in the same transaction.
 */
public final class DeckImporter {
    private static final Logger LOG = LoggerFactory.getLogger(DeckImporter.class);

    private final DeckFolder folder;
    private final CardRepository cards;
    private final PaperRepository papers;
    private final LearnerSettings.Source learner;
    private final BlockCheck descent;

    /**
     * The learner's clock dates carried records; their paper prompts setting decides prompts for decks that do not.
     * {@code descent} checks each ```descent block (the app passes the descent feature's check).
     */
    public DeckImporter(DeckFolder folder, CardRepository cards, PaperRepository papers, LearnerSettings.Source learner,
                        BlockCheck descent) {
        this.folder = folder;
        this.cards = cards;
        this.papers = papers;
        this.learner = learner;
        this.descent = descent;
    }

    /** An importer that takes every ```descent block as it is, for decks without descent cards. */
    public DeckImporter(DeckFolder folder, CardRepository cards, PaperRepository papers, LearnerSettings.Source learner) {
        this(folder, cards, papers, learner, BlockCheck.NONE);
    }

    /** Whatever the trigger (start-up, watcher, button, command line), one sync runs at a time. */
    public synchronized ImportReport sync(String trigger) {
        long started = System.nanoTime();
        LearnerClock clock = learner.learnerClock();
        boolean promptsByDefault = learner.current().paperPrompts();
        List<DeckFolder.CardFile> files = folder.cardFiles();
        Map<String, StoredFile> byPath = new HashMap<>();
        Map<String, StoredFile> bySlug = new HashMap<>();
        for (StoredFile stored : cards.storedFiles()) {
            byPath.put(stored.path(), stored);
            bySlug.put(stored.slug(), stored);
        }
        Map<String, StoredNote> notesByPath = new HashMap<>();
        for (StoredNote note : papers.storedNotes()) notesByPath.put(note.path(), note);

        List<ImportError> errors = new ArrayList<>();
        Map<String, String> stampByPath = new HashMap<>();
        for (DeckFolder.CardFile file : files) stampByPath.put(file.path(), file.stamp());
        Map<Long, String> restamps = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        Set<String> brokenPaths = new HashSet<>();
        Map<String, String> pathOfSlug = new HashMap<>();
        List<RenderedCard> inserts = new ArrayList<>();
        Map<Long, RenderedCard> updates = new LinkedHashMap<>();
        List<Long> restores = new ArrayList<>();
        List<PaperFile> changedNotes = new ArrayList<>();
        Set<String> keptNotes = new HashSet<>();
        int unchanged = 0, notesAdded = 0;

        List<Parsed> parsed = files.parallelStream()
                .map(file -> parseUnlessUnchanged(file, byPath.get(file.path()), notesByPath.get(file.path()), clock))
                .toList();
        for (Parsed p : parsed) {
            if (p.error() != null) {
                errors.add(p.error());
                brokenPaths.add(p.path());
                continue;
            }
            if (p.unchangedNote()) {
                keptNotes.add(p.path());
                unchanged++;
                continue;
            }
            if (p.note() != null) {
                changedNotes.add(p.note());
                if (!notesByPath.containsKey(p.path())) notesAdded++;
                continue;
            }
            if (p.card() != null && PaperRepository.isPromptSlug(p.card().document().slug())) {
                errors.add(new ImportError(p.path(), 1, "id '" + p.card().document().slug() + "' is kept for paper prompts; choose another"));
                brokenPaths.add(p.path());
                continue;
            }
            String slug = p.unchanged() != null ? p.unchanged().slug() : p.card().document().slug();
            String other = pathOfSlug.putIfAbsent(slug, p.path());
            if (other != null) {
                errors.add(new ImportError(p.path(), 1, "id '" + slug + "' is already used by " + other));
                brokenPaths.add(p.path());
                continue;
            }
            if (p.unchanged() != null) {
                seen.add(p.unchanged().id());
                // Saved again without a change (same bytes, new time): remember the new stamp so the next sync skips it.
                String stamp = stampByPath.get(p.path());
                if (!stamp.equals(p.unchanged().fileStamp())) restamps.put(p.unchanged().id(), stamp);
                if (p.unchanged().archived()) restores.add(p.unchanged().id());
                else unchanged++;
                continue;
            }
            StoredFile existing = bySlug.get(slug);
            if (existing == null) {
                inserts.add(p.card());
            } else {
                seen.add(existing.id());
                updates.put(existing.id(), p.card());
                if (existing.archived()) restores.add(existing.id());
            }
        }

        List<Long> archives = new ArrayList<>();
        for (StoredFile stored : byPath.values()) {
            // A card whose file is broken right now keeps its last good version: nothing stored is lost.
            if (!stored.archived() && !seen.contains(stored.id()) && !brokenPaths.contains(stored.path())) archives.add(stored.id());
        }

        // A paper file that is broken now keeps its last good version, like a card.
        keptNotes.addAll(brokenPaths);
        int notesRemoved = (int) notesByPath.keySet().stream()
                .filter(path -> !keptNotes.contains(path) && changedNotes.stream().noneMatch(n -> n.path().equals(path)))
                .count();

        errors.sort(java.util.Comparator.comparing(ImportError::file).thenComparingInt(ImportError::line));
        int updated = updates.size() - (int) updates.keySet().stream().filter(restores::contains).count()
                + changedNotes.size() - notesAdded;
        ImportReport planned = new ImportReport(clock.now(), trigger, inserts.size() + notesAdded, updated, unchanged,
                archives.size() + notesRemoved, restores.size(), List.copyOf(errors), 0);
        cards.apply(new SyncPlan(inserts, updates, restores, archives, new NoteChanges(changedNotes, keptNotes), restamps, planned,
                promptsByDefault));
        // The time reported is the whole sync, reading through writing, so a learner's "it took 20 s" matches the report.
        ImportReport report = new ImportReport(planned.finishedAt(), trigger, planned.added(), planned.updated(), planned.unchanged(),
                planned.archived(), planned.restored(), planned.errors(), (System.nanoTime() - started) / 1_000_000);
        cards.saveReport(report, promptsByDefault);
        log(report);
        return report;
    }

    /** One file's outcome: an unchanged card or paper file, a changed one ready to store, or an error. */
    private record Parsed(String path, StoredFile unchanged, RenderedCard card, boolean unchangedNote, PaperFile note,
                          ImportError error) {
        static Parsed failed(String path, ImportError error) {
            return new Parsed(path, null, null, false, null, error);
        }
    }

    private Parsed parseUnlessUnchanged(DeckFolder.CardFile file, StoredFile stored, StoredNote storedNote, LearnerClock clock) {
        if (stored != null && stored.fileStamp().equals(file.stamp())) return new Parsed(file.path(), stored, null, false, null, null);
        try {
            DeckFolder.Contents contents = folder.read(file);
            if (stored != null && stored.contentHash().equals(contents.hash())) return new Parsed(file.path(), stored, null, false, null, null);
            if (storedNote != null && storedNote.contentHash().equals(contents.hash())) return new Parsed(file.path(), null, null, true, null, null);
            DeckFile parsed = CardParser.parse(file.path(), contents.bytes());
            if (parsed instanceof PaperDocument paper) {
                PaperFile note = new PaperFile(file.path(), paper.deck(), contents.hash(), paper.note(),
                        Markdown.toSafeHtml(paper.note().notes()), paper.paperPrompts());
                return new Parsed(file.path(), null, null, false, note, null);
            }
            CardDocument doc = (CardDocument) parsed;
            checkDescent(doc);
            // Without a front-matter date, a carried record is as of the learner's day the file was last saved.
            LocalDate recordDate = doc.date().orElseGet(() -> clock.dayKey(file.modified()).date());
            return new Parsed(file.path(), null, render(doc, file.path(), contents.hash(), file.stamp(), recordDate), false, null, null);
        } catch (CardFileException e) {
            return Parsed.failed(file.path(), new ImportError(file.path(), e.line(), e.getMessage()));
        } catch (java.io.IOException e) {
            return Parsed.failed(file.path(), new ImportError(file.path(), 1, "cannot read the file: " + e.getMessage()));
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
        if (problem.isPresent()) throw new CardFileException(block.line() + problem.get().line() - 1, problem.get().message());
    }

    static RenderedCard render(CardDocument doc, String path, String hash, String stamp, LocalDate recordDate) {
        List<RenderedSection> sections = doc.otherSections().stream()
                .map(s -> new RenderedSection(s.heading(), Markdown.toSafeHtml(s.markdown())))
                .toList();
        List<RenderedCitation> citations = doc.citations().stream()
                .map(c -> new RenderedCitation(c.title(), c.url(), c.summary(), Markdown.toSafeHtml(c.summary())))
                .toList();
        List<String> keyPoints = doc.keyPoints().stream().map(Markdown::toSafeInlineHtml).toList();
        return new RenderedCard(doc, path, hash, stamp, Markdown.toSafeHtml(doc.question()), Markdown.toSafeHtml(doc.answer()),
                keyPoints, sections, citations, recordDate);
    }

    private static void log(ImportReport r) {
        if (r.changedAnything() || !r.errors().isEmpty() || r.trigger().equals("start")) {
            LOG.info("deck sync ({}): {} added, {} updated, {} unchanged, {} archived, {} restored, {} broken in {} ms",
                    r.trigger(), r.added(), r.updated(), r.unchanged(), r.archived(), r.restored(), r.errors().size(), r.millis());
        }
        for (ImportError e : r.errors()) LOG.warn("{}:{}: {}", e.file(), e.line(), e.message());
    }
}
