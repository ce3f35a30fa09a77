package dev.gradientdeck.anki.apply;

import dev.gradientdeck.anki.apply.AnkiRepository.ImportedReview;
import dev.gradientdeck.anki.convert.Agreement;
import dev.gradientdeck.anki.convert.AnkiParameters;
import dev.gradientdeck.anki.convert.CardConversion;
import dev.gradientdeck.anki.convert.History;
import dev.gradientdeck.anki.model.Collection;
import dev.gradientdeck.anki.model.MemoryState;
import dev.gradientdeck.anki.model.RevlogEntry;
import dev.gradientdeck.anki.pkg.CollectionReader;
import dev.gradientdeck.anki.pkg.MalformedPackage;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.review.FsrsSettings;
import dev.gradientdeck.review.Memory;
import dev.gradientdeck.review.PastAnswers;
import dev.gradientdeck.review.PastAnswers.CardHistory;
import dev.gradientdeck.review.PastAnswers.PastAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The package's review log into the learner's: each card's answers (those not already brought in by an earlier import) go
 * through {@link PastAnswers}, so the card's schedule is the FSRS replay of its log; then that memory is compared with the
 * one Anki stored. Cards are written in batches, one transaction each.
 */
final class HistoryImport {
    static final String UNKNOWN_CARD = "unknownCard";
    static final String CARD_NOT_IMPORTED = "cardNotImported";
    static final String OLDER_THAN_LOG = "olderThanLog";
    private static final int BATCH = 200;

    /** What the importer learned about each Anki card while writing the files. */
    record CardFacts(long ankiCardId, String label, int ankiType, Optional<MemoryState> memory, long deckId) {}

    /** The history's part of the report. */
    record Result(
            int reviews,
            Map<String, Integer> skipped,
            int fsrsWithin,
            int ankiParametersMatched,
            int ankiParametersCards) {}

    private record Pending(CardFacts facts, long cardId, List<History.Answer> fresh, List<History.Answer> all) {}

    private final AnkiRepository repository;
    private final PastAnswers past;
    private final CardRepository cards;
    private final Collection collection;
    private final Map<Long, CardFacts> facts;
    private final Set<Long> imported;
    private final long importId;
    private final FsrsSettings base;
    private final LearnerClock clock;
    private final Warnings warnings;

    private final Map<String, Integer> skipped = new TreeMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Set<Long> visited = new HashSet<>();
    private int reviews, fsrsWithin, ankiMatched, ankiCards;

    HistoryImport(
            AnkiRepository repository,
            PastAnswers past,
            CardRepository cards,
            Collection collection,
            Map<Long, CardFacts> facts,
            Set<Long> imported,
            long importId,
            FsrsSettings base,
            LearnerClock clock,
            Warnings warnings) {
        this.repository = repository;
        this.past = past;
        this.cards = cards;
        this.collection = collection;
        this.facts = facts;
        this.imported = imported;
        this.importId = importId;
        this.base = base;
        this.clock = clock;
        this.warnings = warnings;
    }

    Result run(CollectionReader reader) throws MalformedPackage, IOException {
        reader.forEachHistory(this::card);
        flush();
        for (CardFacts card : facts.values()) {
            if (visited.contains(card.ankiCardId())) continue;
            if (card.ankiType() == 2 || card.ankiType() == 3) {
                warnings.card(
                        "cards are in review in Anki but the package holds no answers for them; they start as new here",
                        card.label());
            }
            // A card with memory but no log cannot be replayed: it counts as not matching.
            compareWithAnki(card, Optional.empty(), List.of());
        }
        return new Result(reviews, skipped, fsrsWithin, ankiMatched, ankiCards);
    }

    private void card(long ankiCardId, List<RevlogEntry> rows) {
        CardFacts card = facts.get(ankiCardId);
        if (card == null) {
            skip(UNKNOWN_CARD, rows.size());
            return;
        }
        visited.add(ankiCardId);
        History.Outcome outcome = History.of(rows, collection.schedulerVersion());
        outcome.skipped().forEach(this::skip);
        Optional<Long> cardId =
                imported.contains(ankiCardId) ? cards.idOfSlug(CardConversion.slugOf(ankiCardId)) : Optional.empty();
        if (cardId.isEmpty()) {
            skip(CARD_NOT_IMPORTED, outcome.answers().size());
            return;
        }
        if (card.ankiType() == 0 && !outcome.answers().isEmpty()) {
            warnings.card(
                    "cards are new in Anki but their log holds answers; they were imported with the log's schedule",
                    card.label());
        }
        Set<Long> already = repository.importedRevlog(ankiCardId);
        List<History.Answer> fresh = outcome.answers().stream()
                .filter(a -> !already.contains(a.revlogId()))
                .toList();
        reviews += outcome.answers().size() - fresh.size();
        pending.add(new Pending(card, cardId.get(), fresh, outcome.answers()));
        if (pending.size() >= BATCH) flush();
    }

    private void flush() {
        if (pending.isEmpty()) return;
        List<CardHistory> histories = pending.stream()
                .map(p -> new CardHistory(
                        p.cardId(),
                        p.fresh().stream()
                                .map(a -> new PastAnswer(a.at(), a.rating(), Optional.ofNullable(a.timeTaken())))
                                .toList()))
                .toList();
        List<PastAnswers.Written> written = past.append(histories);
        List<ImportedReview> records = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            List<Long> ids = written.get(i).reviewIds();
            for (int j = 0; j < ids.size(); j++) {
                if (ids.get(j) == null) {
                    skip(OLDER_THAN_LOG, 1);
                } else {
                    reviews++;
                    records.add(new ImportedReview(
                            p.facts().ankiCardId(), p.fresh().get(j).revlogId(), ids.get(j)));
                }
            }
            compareWithAnki(p.facts(), written.get(i).memory(), p.all());
        }
        repository.recordReviews(importId, records);
        pending.clear();
    }

    private void compareWithAnki(CardFacts card, Optional<Memory> replayed, List<History.Answer> answers) {
        if (card.memory().isEmpty()) return;
        MemoryState anki = card.memory().get();
        if (replayed.isPresent() && Agreement.within(replayed.get(), anki)) fsrsWithin++;
        Optional<FsrsSettings> ankiSettings =
                collection.fsrsParameters(card.deckId()).flatMap(p -> AnkiParameters.settings(p, base));
        if (ankiSettings.isEmpty()) return;
        ankiCards++;
        Optional<Memory> withAnki = Agreement.replay(answers, ankiSettings.get(), clock);
        if (withAnki.isPresent() && Agreement.within(withAnki.get(), anki)) ankiMatched++;
    }

    private void skip(String reason, int count) {
        if (count > 0) skipped.merge(reason, count, Integer::sum);
    }
}
