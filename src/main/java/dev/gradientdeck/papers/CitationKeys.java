package dev.gradientdeck.papers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Citation keys in the familiar author-year-word shape ({@code vaswani2017attention}), shared by the BibTeX and
 * CSL-JSON exports so a document can switch format without re-citing. Keys depend only on the entries' content,
 * never on their order in the list, so an export repeated tomorrow cites the same way.
 */
final class CitationKeys {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "towards", "toward", "via", "is", "are",
            "at", "by", "from", "into", "do", "does", "how", "what", "why", "when");
    // Letters that do not decompose into an ASCII letter plus accents.
    private static final Map<String, String> LIGATURES =
            Map.of("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "þ", "th", "ı", "i");
    private static final int TITLE_WORDS_WITHOUT_AUTHOR = 2;

    private CitationKeys() {}

    /** One key per entry, in the entries' order; every key is distinct. */
    static List<String> assign(List<BibEntry> entries) {
        List<String> bases = entries.stream().map(CitationKeys::baseKey).toList();
        Map<String, List<Integer>> byBase = IntStream.range(0, entries.size())
                .boxed()
                .collect(Collectors.groupingBy(bases::get, LinkedHashMap::new, Collectors.toList()));
        Set<String> taken = byBase.entrySet().stream()
                .filter(group -> group.getValue().size() == 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(HashSet::new));
        String[] keys = new String[entries.size()];
        byBase.forEach((base, indexes) -> {
            if (indexes.size() == 1) {
                keys[indexes.get(0)] = base;
            } else {
                suffixCollisions(base, inContentOrder(indexes, entries), taken, keys);
            }
        });
        return Arrays.asList(keys);
    }

    static String baseKey(BibEntry entry) {
        String year = entry.year() == null ? "" : entry.year().toString();
        List<String> titleWords = significantWords(entry.title());
        String family = entry.authors().isEmpty()
                ? ""
                : ascii(AuthorName.parse(entry.authors().get(0)).family());
        if (!family.isEmpty()) {
            return family + year + titleWords.stream().findFirst().orElse("");
        }
        String leadingWords =
                String.join("", titleWords.subList(0, Math.min(TITLE_WORDS_WITHOUT_AUTHOR, titleWords.size())));
        return (leadingWords.isEmpty() ? "paper" : leadingWords) + year;
    }

    // Colliding entries are ordered by what they are, not where they sit in the list, before taking a, b, c...
    private static List<Integer> inContentOrder(List<Integer> indexes, List<BibEntry> entries) {
        Comparator<Integer> byTitle =
                Comparator.comparing(i -> entries.get(i).title().toLowerCase(Locale.ROOT));
        Comparator<Integer> byUrl =
                Comparator.comparing(i -> Objects.toString(entries.get(i).url(), ""));
        Comparator<Integer> byIdentity =
                Comparator.comparing(i -> Objects.toString(entries.get(i).arxivId(), "")
                        + Objects.toString(entries.get(i).doi(), ""));
        return indexes.stream()
                .sorted(byTitle.thenComparing(byUrl).thenComparing(byIdentity).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static void suffixCollisions(String base, List<Integer> ordered, Set<String> taken, String[] keys) {
        int next = 0;
        for (int index : ordered) {
            String key;
            do {
                key = base + suffix(next++);
            } while (taken.contains(key));
            taken.add(key);
            keys[index] = key;
        }
    }

    /** a, b, ..., z, aa, ab, ... like spreadsheet columns, so any number of collisions gets a distinct key. */
    private static String suffix(int n) {
        String letter = String.valueOf((char) ('a' + n % 26));
        return n < 26 ? letter : suffix(n / 26 - 1) + letter;
    }

    private static List<String> significantWords(String title) {
        List<String> words = new ArrayList<>();
        for (String word : ascii(title, " ").split(" ")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static String ascii(String text) {
        return ascii(text, "");
    }

    /** Lowercase ASCII letters and digits only, as LaTeX tools expect in keys; other characters become separator. */
    private static String ascii(String text, String separator) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> ligature : LIGATURES.entrySet()) {
            lower = lower.replace(ligature.getKey(), ligature.getValue());
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^a-z0-9]+", separator)
                .trim();
    }
}
