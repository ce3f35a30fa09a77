package dev.gradientdeck.practice.measure;

import dev.gradientdeck.practice.speech.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deck's own words heard right: a recognizer trained on everyday English writes "radiant" for
 * "gradient". After transcription each word (and each pair of words, "soft max") is compared with
 * the deck's terms by how it sounds, and a near miss is replaced by the term.
 *
 * <p>"How it sounds" is a small phonetic key of our own (letters that sound alike folded together,
 * silent and doubled letters dropped), compared by edit distance: enough for the near misses a
 * recognizer makes, and a Soundex-like code would fold far too many everyday words onto a term.
 */
public final class DeckVocabulary {

    /** Words shorter than this are left alone: too many everyday words lie near a short term. */
    static final int SHORTEST = 5;

    /** At most this share of the key may differ for one word, and for two heard as one term. */
    static final double NEAR = 0.3;

    static final double NEAR_PAIR = 0.2;

    private DeckVocabulary() {}

    public static List<TimedWord> snap(List<TimedWord> words, Set<String> terms) {
        List<String> candidates = terms.stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .filter(t -> t.length() >= SHORTEST)
                .toList();
        List<TimedWord> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            TimedWord w = words.get(i);
            if (i + 1 < words.size()) {
                TimedWord next = words.get(i + 1);
                String pair = w.word() + next.word();
                String term = nearest(pair, candidates, w.word() + " " + next.word(), NEAR_PAIR);
                if (term != null && !candidates.contains(w.word()) && !candidates.contains(next.word())) {
                    out.add(new TimedWord(term, w.start(), next.end()));
                    i++;
                    continue;
                }
            }
            String term = w.word().length() >= SHORTEST ? nearest(w.word(), candidates, w.word(), NEAR) : null;
            out.add(term == null ? w : new TimedWord(term, w.start(), w.end()));
        }
        return out;
    }

    private static String nearest(String heard, List<String> terms, String original, double near) {
        if (terms.contains(original)) {
            return null;
        }
        String key = key(heard);
        String best = null;
        double bestShare = near;
        for (String term : terms) {
            String termKey = key(term);
            double share = (double) distance(key, termKey) / Math.max(key.length(), termKey.length());
            if (share <= bestShare && !term.equals(original)) {
                bestShare = share;
                best = term;
            }
        }
        return best;
    }

    /** Letters folded by sound: vowels to one, c/k/q to k, z to s, ph to f, doubled letters once. */
    static String key(String word) {
        String w = word.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "")
                .replace("ph", "f")
                .replace("ck", "k");
        StringBuilder key = new StringBuilder();
        for (char c : w.toCharArray()) {
            char folded = switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y' -> 'a';
                case 'c', 'q' -> 'k';
                case 'z' -> 's';
                default -> c;
            };
            if (key.length() == 0 || key.charAt(key.length() - 1) != folded) {
                key.append(folded);
            }
        }
        return key.toString();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
