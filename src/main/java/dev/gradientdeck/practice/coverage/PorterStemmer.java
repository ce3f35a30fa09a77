package dev.gradientdeck.practice.coverage;

import java.util.List;
import java.util.function.Predicate;

/**
 * M. F. Porter's suffix-stripping algorithm (1980), step by step as in the paper, so that
 * "regularization", "regularize" and "regularized" all meet at "regular". Words are expected in
 * lower case.
 *
 * <p>Notation from the paper: a consonant is a letter other than a, e, i, o, u, and other than y
 * after a consonant; every word is [C](VC)^m[V] and m is its measure.
 */
final class PorterStemmer {

    private record Rule(String suffix, String replacement) {}

    private static final List<Rule> STEP_2 = List.of(
            new Rule("ational", "ate"),
            new Rule("tional", "tion"),
            new Rule("enci", "ence"),
            new Rule("anci", "ance"),
            new Rule("izer", "ize"),
            new Rule("bli", "ble"),
            new Rule("alli", "al"),
            new Rule("entli", "ent"),
            new Rule("eli", "e"),
            new Rule("ousli", "ous"),
            new Rule("ization", "ize"),
            new Rule("ation", "ate"),
            new Rule("ator", "ate"),
            new Rule("alism", "al"),
            new Rule("iveness", "ive"),
            new Rule("fulness", "ful"),
            new Rule("ousness", "ous"),
            new Rule("aliti", "al"),
            new Rule("iviti", "ive"),
            new Rule("biliti", "ble"),
            new Rule("logi", "log"));

    private static final List<Rule> STEP_3 = List.of(
            new Rule("icate", "ic"),
            new Rule("ative", ""),
            new Rule("alize", "al"),
            new Rule("iciti", "ic"),
            new Rule("ical", "ic"),
            new Rule("ful", ""),
            new Rule("ness", ""));

    /**
     * Longer suffixes first: the paper strips the longest one that matches, then checks its
     * condition.
     */
    private static final List<String> STEP_4 = List.of(
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
            "ion", "al", "er", "ic", "ou");

    private PorterStemmer() {}

    static String stem(String word) {
        if (word.length() <= 2) {
            return word;
        }
        String w = step1a(word);
        w = step1b(w);
        w = step1c(w);
        w = replaceFirstMatching(w, STEP_2, stem -> measure(stem) > 0);
        w = replaceFirstMatching(w, STEP_3, stem -> measure(stem) > 0);
        w = step4(w);
        w = step5a(w);
        return step5b(w);
    }

    /** Plurals: sses -> ss, ies -> i, ss -> ss, s -> "". */
    private static String step1a(String w) {
        if (w.endsWith("sses") || w.endsWith("ies")) {
            return cut(w, 2);
        }
        if (w.endsWith("ss")) {
            return w;
        }
        return w.endsWith("s") ? cut(w, 1) : w;
    }

    /**
     * Past tenses and gerunds: (m>0) eed -> ee; (*v*) ed -> ""; (*v*) ing -> "", then repair the
     * stem.
     */
    private static String step1b(String w) {
        if (w.endsWith("eed")) {
            return measure(cut(w, 3)) > 0 ? cut(w, 1) : w;
        }
        for (String suffix : List.of("ed", "ing")) {
            if (w.endsWith(suffix) && hasVowel(cut(w, suffix.length()))) {
                return repairAfter1b(cut(w, suffix.length()));
            }
        }
        return w;
    }

    /**
     * at -> ate, bl -> ble, iz -> ize; undouble a final double consonant except l, s, z; (m=1 and
     * *o) -> add e.
     */
    private static String repairAfter1b(String w) {
        if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) {
            return w + "e";
        }
        if (endsWithDoubleConsonant(w) && !w.endsWith("l") && !w.endsWith("s") && !w.endsWith("z")) {
            return cut(w, 1);
        }
        if (measure(w) == 1 && endsCvc(w)) {
            return w + "e";
        }
        return w;
    }

    /** (*v*) y -> i. */
    private static String step1c(String w) {
        return w.endsWith("y") && hasVowel(cut(w, 1)) ? cut(w, 1) + "i" : w;
    }

    /** (m>1) drop a listed suffix; "ion" only after s or t. */
    private static String step4(String w) {
        for (String suffix : STEP_4) {
            if (w.endsWith(suffix)) {
                String stem = cut(w, suffix.length());
                boolean allowed = !suffix.equals("ion") || stem.endsWith("s") || stem.endsWith("t");
                if (allowed) {
                    return measure(stem) > 1 ? stem : w;
                }
            }
        }
        return w;
    }

    /** (m>1) e -> ""; (m=1 and not *o) e -> "". */
    private static String step5a(String w) {
        if (!w.endsWith("e")) {
            return w;
        }
        String stem = cut(w, 1);
        int m = measure(stem);
        return m > 1 || (m == 1 && !endsCvc(stem)) ? stem : w;
    }

    /** (m>1 and *d and *l) -> single letter. */
    private static String step5b(String w) {
        return measure(w) > 1 && endsWithDoubleConsonant(w) && w.endsWith("l") ? cut(w, 1) : w;
    }

    /**
     * The first rule whose suffix matches decides: replaced when its stem meets the condition, else
     * left alone.
     */
    private static String replaceFirstMatching(String w, List<Rule> rules, Predicate<String> condition) {
        for (Rule rule : rules) {
            if (w.endsWith(rule.suffix())) {
                String stem = cut(w, rule.suffix().length());
                return condition.test(stem) ? stem + rule.replacement() : w;
            }
        }
        return w;
    }

    /** m in [C](VC)^m[V]: the number of vowel-to-consonant transitions. */
    static int measure(String w) {
        int m = 0;
        boolean previousVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = !isConsonant(w, i);
            if (previousVowel && !vowel) {
                m++;
            }
            previousVowel = vowel;
        }
        return m;
    }

    private static boolean isConsonant(String w, int i) {
        char c = w.charAt(i);
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> false;
            case 'y' -> i == 0 || !isConsonant(w, i - 1);
            default -> true;
        };
    }

    private static boolean hasVowel(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!isConsonant(w, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithDoubleConsonant(String w) {
        int n = w.length();
        return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
    }

    /**
     * *o: consonant-vowel-consonant at the end, the last not w, x or y (so "hop" -> "hope" but
     * "snow" stays).
     */
    private static boolean endsCvc(String w) {
        int n = w.length();
        if (n < 3 || !isConsonant(w, n - 3) || isConsonant(w, n - 2) || !isConsonant(w, n - 1)) {
            return false;
        }
        char last = w.charAt(n - 1);
        return last != 'w' && last != 'x' && last != 'y';
    }

    private static String cut(String w, int letters) {
        return w.substring(0, w.length() - letters);
    }
}
