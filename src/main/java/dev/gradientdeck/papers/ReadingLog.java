package dev.gradientdeck.papers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reading log behind the cards: every citation in a card and every paper file, grouped into one {@link Paper} per
 * paper. Two mentions are the same paper when they share an arXiv id, a DOI or a normalised URL, directly or through
 * a third mention (a note with both a DOI and a URL joins the cards citing either). A mention with none of these is
 * matched by its title, and joins the one identified paper of that title when there is exactly one.
 */
public final class ReadingLog {

    private ReadingLog() {}

    /** A paper as one card cites it, in the card's order of citations. */
    public record Citation(
            long cardId,
            int position,
            String cardPath,
            String deck,
            List<String> cardTags,
            String title,
            String url,
            String summary) {}

    /** A paper file of the deck, by its path. */
    public record Note(String path, String deck, PaperNote note) {}

    /** Why a paper becomes a review prompt: its summaries, and the card file the first of them comes from. */
    public record Prompt(PaperPrompt prompt, String deck, String sourcePath) {}

    /**
     * One paper and everything that mentions it, notes first; the note (if any) has the last word on metadata.
     *
     * @param identities every arXiv id, DOI and normalised URL mentions give it (the title only when there are none)
     */
    public record Paper(PaperKey key, Set<PaperKey> identities, List<Note> notes, List<Citation> citations) {

        public String title() {
            return firstNote()
                    .map(PaperNote::title)
                    .orElseGet(() -> citations.get(0).title());
        }

        public String url() {
            return firstNote()
                    .map(PaperNote::url)
                    .or(() -> citations.stream()
                            .map(Citation::url)
                            .filter(ReadingLog::isPresent)
                            .findFirst())
                    .orElse(null);
        }

        public String arxivId() {
            return firstNote()
                    .map(PaperNote::arxivId)
                    .or(() -> identity(PaperKey.Kind.ARXIV))
                    .orElse(null);
        }

        public String doi() {
            return firstNote()
                    .map(PaperNote::doi)
                    .or(() -> identity(PaperKey.Kind.DOI))
                    .orElse(null);
        }

        public List<String> authors() {
            return firstNote().map(PaperNote::authors).orElse(List.of());
        }

        public Integer year() {
            return firstNote().map(PaperNote::year).orElse(null);
        }

        /** A paper only cited in cards sits in their "Papers read" section: read, unless a note says otherwise. */
        public PaperNote.Status status() {
            return firstNote().map(PaperNote::status).orElse(PaperNote.Status.READ);
        }

        public LocalDate readDate() {
            return firstNote().map(PaperNote::readDate).orElse(null);
        }

        /** The note's tags and those of every citing card, each once (whatever its case), in first-seen order. */
        public List<String> tags() {
            Map<String, String> byFolded = new LinkedHashMap<>();
            Stream.concat(
                            notes.stream().flatMap(n -> n.note().tags().stream()),
                            citations.stream().flatMap(c -> c.cardTags().stream()))
                    .forEach(tag -> byFolded.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag));
            return List.copyOf(byFolded.values());
        }

        /** The distinct summaries the citing cards give, as one markdown text. */
        public String summary() {
            return joinedSummaries(citations);
        }

        /** The review prompt, from the summaries of cards in decks that want paper prompts. */
        public Optional<Prompt> prompt(java.util.function.Predicate<String> deckWantsPrompts) {
            List<Citation> counted = citations.stream()
                    .filter(c -> deckWantsPrompts.test(c.deck()) && isPresent(c.summary()))
                    .toList();
            return counted.isEmpty()
                    ? Optional.empty()
                    : PaperPrompt.of(title(), joinedSummaries(counted))
                            .map(prompt -> new Prompt(
                                    prompt,
                                    counted.get(0).deck(),
                                    counted.get(0).cardPath()));
        }

        private Optional<PaperNote> firstNote() {
            return notes.stream().findFirst().map(Note::note);
        }

        private Optional<String> identity(PaperKey.Kind kind) {
            return identities.stream()
                    .filter(k -> k.kind() == kind)
                    .map(PaperKey::value)
                    .findFirst();
        }
    }

    /** Orders identities from the most to the least stable, as {@link PaperKey#of} prefers them. */
    static final Comparator<PaperKey> BEST_FIRST =
            Comparator.comparing(PaperKey::kind).thenComparing(PaperKey::value);

    /**
     * Groups notes and citations into papers, in order of first mention (notes first). Citations keep their order
     * within each paper, so callers decide which card's words come first.
     */
    public static List<Paper> of(List<Note> notes, List<Citation> citations) {
        List<Object> mentions = new ArrayList<>(notes);
        mentions.addAll(citations);
        List<Set<PaperKey>> identities =
                mentions.stream().map(ReadingLog::identitiesOf).toList();

        Groups groups = new Groups(mentions.size());
        Map<PaperKey, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            for (PaperKey identity : identities.get(i)) {
                Integer earlier = firstWith.putIfAbsent(identity, i);
                if (earlier != null) groups.join(earlier, i);
            }
        }
        joinTitleOnlyMentions(mentions, identities, groups);

        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < mentions.size(); i++)
            members.computeIfAbsent(groups.root(i), r -> new ArrayList<>()).add(i);
        return members.values().stream()
                .map(indexes -> paper(indexes, mentions, identities))
                .toList();
    }

    private static Paper paper(List<Integer> indexes, List<Object> mentions, List<Set<PaperKey>> identities) {
        Set<PaperKey> all = new TreeSet<>(BEST_FIRST);
        indexes.forEach(i -> all.addAll(identities.get(i)));
        // A paper known by real identities drops the titles of mentions that joined it by title.
        Set<PaperKey> kept = all.stream().anyMatch(k -> k.kind() != PaperKey.Kind.TITLE)
                ? all.stream()
                        .filter(k -> k.kind() != PaperKey.Kind.TITLE)
                        .collect(Collectors.toCollection(() -> new TreeSet<>(BEST_FIRST)))
                : all;
        List<Note> notes = indexes.stream()
                .map(mentions::get)
                .filter(Note.class::isInstance)
                .map(Note.class::cast)
                .toList();
        List<Citation> citations = indexes.stream()
                .map(mentions::get)
                .filter(Citation.class::isInstance)
                .map(Citation.class::cast)
                .toList();
        return new Paper(kept.iterator().next(), Collections.unmodifiableSet(kept), notes, citations);
    }

    /** A title-only mention joins the single identified paper with the same title; with two or more it stays apart. */
    private static void joinTitleOnlyMentions(List<Object> mentions, List<Set<PaperKey>> identities, Groups groups) {
        Map<PaperKey, Set<Integer>> identifiedByTitle = new HashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (isTitleOnly(identities.get(i))) continue;
            identifiedByTitle
                    .computeIfAbsent(titleKey(mentions.get(i)), t -> new LinkedHashSet<>())
                    .add(groups.root(i));
        }
        for (int i = 0; i < mentions.size(); i++) {
            if (!isTitleOnly(identities.get(i))) continue;
            Set<Integer> candidates =
                    identifiedByTitle.get(identities.get(i).iterator().next());
            if (candidates != null && candidates.size() == 1)
                groups.join(candidates.iterator().next(), i);
        }
    }

    private static boolean isTitleOnly(Set<PaperKey> identities) {
        return identities.size() == 1 && identities.iterator().next().kind() == PaperKey.Kind.TITLE;
    }

    private static PaperKey titleKey(Object mention) {
        return byTitle(mention instanceof Note n ? n.note().title() : ((Citation) mention).title());
    }

    // A title of punctuation alone has no normalised form; it is then known as written.
    private static PaperKey byTitle(String title) {
        try {
            return PaperKey.of(null, null, null, title);
        } catch (IllegalArgumentException noLettersOrDigits) {
            return new PaperKey(PaperKey.Kind.TITLE, title.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** Every identity a mention carries; a mention with none is known by its title. */
    static Set<PaperKey> identitiesOf(Object mention) {
        String url, arxiv = null, doi = null, title;
        if (mention instanceof Note n) {
            url = n.note().url();
            arxiv = n.note().arxivId();
            doi = n.note().doi();
            title = n.note().title();
        } else {
            Citation c = (Citation) mention;
            url = c.url();
            title = c.title();
        }
        Set<PaperKey> found = new TreeSet<>(BEST_FIRST);
        Stream.of(arxiv, url, doi)
                .map(PaperKey::arxivId)
                .flatMap(Optional::stream)
                .forEach(id -> found.add(new PaperKey(PaperKey.Kind.ARXIV, id.toLowerCase(Locale.ROOT))));
        Stream.of(doi, url)
                .map(PaperKey::doi)
                .flatMap(Optional::stream)
                .forEach(id -> found.add(new PaperKey(PaperKey.Kind.DOI, id)));
        PaperKey.normalizeUrl(url).ifPresent(normal -> found.add(new PaperKey(PaperKey.Kind.URL, normal)));
        if (found.isEmpty()) found.add(byTitle(title));
        return found;
    }

    private static String joinedSummaries(List<Citation> citations) {
        return citations.stream()
                .map(Citation::summary)
                .filter(ReadingLog::isPresent)
                .map(String::strip)
                .distinct()
                .collect(Collectors.joining("\n\n"));
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }

    /** Union-find over mention indexes. */
    private static final class Groups {
        private final int[] parent;

        Groups(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) parent[i] = i;
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        // The smaller index stays the root, so groups keep the order of their first mention.
        void join(int a, int b) {
            int ra = root(a), rb = root(b);
            if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
