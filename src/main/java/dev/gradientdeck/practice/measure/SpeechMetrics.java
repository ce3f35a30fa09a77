package dev.gradientdeck.practice.measure;

import dev.gradientdeck.practice.speech.TimedWord;
import dev.gradientdeck.practice.speech.VoiceActivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pace, fillers and pauses of a spoken answer, from the recognizer's word timings alone.
 *
 * <p>The recognizer gives no punctuation, so where a filler depends on phrasing ("like", "you
 * know", "kind of") the heuristics read pauses as commas and look at the neighbouring word to tell
 * the filler from the ordinary use. {@link #report} puts the words in spoken order; the functions
 * it calls expect that order.
 */
public final class SpeechMetrics {

    /**
     * A gap at least this long is heard as a comma. Fluent words follow each other with gaps well
     * under 0.1 s in the recognizer's timings; a comma or a hesitation is a few tenths of a second.
     */
    static final double PAUSE_SECONDS = 0.3;

    /** Hesitation sounds: fillers wherever they occur. */
    private static final Set<String> HESITATIONS = Set.of("um", "uh", "er", "ah", "hmm", "erm");

    /**
     * Words after which "like" is a verb or a comparison ("I like", "looks like", "something
     * like"), not a filler, when no pause separates them. "I, like, think" has the pause and still
     * counts.
     */
    private static final Set<String> LIKE_GOVERNORS = Set.of(
            "i",
            "you",
            "we",
            "they",
            "he",
            "she",
            "i'd",
            "you'd",
            "we'd",
            "they'd",
            "would",
            "do",
            "don't",
            "didn't",
            "does",
            "doesn't",
            "really",
            "look",
            "looks",
            "looked",
            "looking",
            "sound",
            "sounds",
            "sounded",
            "seem",
            "seems",
            "feel",
            "feels",
            "felt",
            "something",
            "anything",
            "nothing",
            "more",
            "much",
            "just",
            "exactly",
            "things",
            "stuff",
            "ones");

    /**
     * Words after which "you know" is a real question or clause ("do you know", "if you know", "as
     * you know").
     */
    private static final Set<String> YOU_KNOW_GOVERNORS = Set.of(
            "do", "did", "don't", "didn't", "if", "as", "whether", "would", "what", "how", "when", "that", "all");

    /**
     * Words that, said straight after "you know", make it a verb with an object ("you know that
     * ...", "you know it").
     */
    private static final Set<String> YOU_KNOW_OBJECTS = Set.of(
            "that",
            "what",
            "how",
            "why",
            "where",
            "when",
            "who",
            "which",
            "whether",
            "if",
            "about",
            "it",
            "this",
            "them",
            "him",
            "her",
            "everything",
            "nothing");

    /**
     * Determiners that make "kind of"/"sort of" a noun phrase ("a kind of", "what sort of", "this
     * kind of").
     */
    private static final Set<String> KIND_DETERMINERS = Set.of(
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "what",
            "which",
            "some",
            "any",
            "one",
            "each",
            "every",
            "another",
            "same",
            "different",
            "its",
            "their",
            "our",
            "my",
            "your",
            "his",
            "her",
            "no",
            "all",
            "certain",
            "particular",
            "other",
            "new",
            "special",
            "specific",
            "whatever",
            "only",
            "first",
            "right",
            "wrong");

    private SpeechMetrics() {}

    public static SpeechReport report(List<TimedWord> words) {
        List<TimedWord> ordered = inOrder(words);
        return new SpeechReport(
                transcript(ordered),
                ordered.size(),
                speakingSeconds(ordered),
                wordsPerMinute(ordered),
                fillers(ordered),
                longestPauseSeconds(ordered));
    }

    /**
     * A spoken answer, with its voice track: the fillers the recognizer wrote, those it wrote as a
     * stray short word, and those it dropped (heard in the audio); the longest pause is the longest
     * silence between stretches of voice, which the word timings do not show exactly.
     */
    public static SpeechReport report(List<TimedWord> words, VoiceActivity track) {
        List<TimedWord> ordered = inOrder(words);
        List<Filler> fillers = new ArrayList<>(fillers(ordered));
        Set<Double> counted = fillers.stream().map(Filler::start).collect(Collectors.toSet());
        for (int i : FilledPauses.misheardAsWords(track, ordered)) {
            TimedWord w = ordered.get(i);
            if (!counted.contains(w.start())) {
                fillers.add(new Filler(w.word(), w.start(), w.end(), false));
            }
        }
        fillers.addAll(FilledPauses.find(track, ordered));
        fillers = FilledPauses.merged(fillers);
        return new SpeechReport(
                transcript(ordered),
                ordered.size(),
                speakingSeconds(ordered),
                wordsPerMinute(ordered),
                fillers,
                FilledPauses.longestPauseSeconds(track));
    }

    public static String transcript(List<TimedWord> words) {
        return words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
    }

    /**
     * From the start of the first word to the end of the last: leading and trailing silence are not
     * speaking.
     */
    static double speakingSeconds(List<TimedWord> words) {
        if (words.isEmpty()) {
            return 0;
        }
        return words.get(words.size() - 1).end() - words.get(0).start();
    }

    /** Every word counts, fillers included: they take the same time as any other word. */
    static double wordsPerMinute(List<TimedWord> words) {
        double seconds = speakingSeconds(words);
        return seconds > 0 ? words.size() * 60.0 / seconds : 0;
    }

    /**
     * The longest silence between two words; silence before the first word is thinking time, not a
     * pause.
     */
    static double longestPauseSeconds(List<TimedWord> words) {
        double longest = 0;
        for (int i = 1; i < words.size(); i++) {
            longest = Math.max(longest, gapBefore(words, i));
        }
        return longest;
    }

    static List<Filler> fillers(List<TimedWord> words) {
        List<Filler> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            String phrase = twoWordFiller(words, i);
            if (phrase != null) {
                found.add(new Filler(
                        phrase, words.get(i).start(), words.get(i + 1).end(), false));
                i += 2;
                continue;
            }
            if (isHesitation(words, i) || isFillerLike(words, i)) {
                found.add(new Filler(
                        normalized(words, i), words.get(i).start(), words.get(i).end(), false));
            }
            i++;
        }
        return found;
    }

    /** "you know", "kind of" or "sort of" starting at i when used as a filler, else null. */
    private static String twoWordFiller(List<TimedWord> words, int i) {
        if (i + 1 >= words.size()) {
            return null;
        }
        String first = normalized(words, i);
        String second = normalized(words, i + 1);
        String phrase = first + " " + second;
        boolean filler = switch (phrase) {
            case "you know" -> isFillerYouKnow(words, i);
            case "kind of", "sort of" -> !followsDirectly(words, i, KIND_DETERMINERS);
            default -> false;
        };
        return filler ? phrase : null;
    }

    private static boolean isFillerYouKnow(List<TimedWord> words, int i) {
        boolean objectFollows = i + 2 < words.size()
                && gapBefore(words, i + 2) < PAUSE_SECONDS
                && YOU_KNOW_OBJECTS.contains(normalized(words, i + 2));
        return !followsDirectly(words, i, YOU_KNOW_GOVERNORS) && !objectFollows;
    }

    /**
     * "like" is a filler when set apart by a pause (at a clause start or before one) or beside a
     * hesitation ("um like"), unless it directly follows a word that makes it a verb or a
     * comparison.
     */
    private static boolean isFillerLike(List<TimedWord> words, int i) {
        if (!normalized(words, i).equals("like") || followsDirectly(words, i, LIKE_GOVERNORS)) {
            return false;
        }
        boolean clauseStart = i == 0 || gapBefore(words, i) >= PAUSE_SECONDS;
        boolean pauseAfter = i == words.size() - 1 || gapBefore(words, i + 1) >= PAUSE_SECONDS;
        boolean besideHesitation = isHesitation(words, i - 1) || isHesitation(words, i + 1);
        return clauseStart || pauseAfter || besideHesitation;
    }

    private static boolean isHesitation(List<TimedWord> words, int i) {
        return i >= 0 && i < words.size() && HESITATIONS.contains(normalized(words, i));
    }

    /** Whether the word before i is one of these and nothing but a short gap separates them. */
    private static boolean followsDirectly(List<TimedWord> words, int i, Set<String> previous) {
        return i > 0 && gapBefore(words, i) < PAUSE_SECONDS && previous.contains(normalized(words, i - 1));
    }

    private static double gapBefore(List<TimedWord> words, int i) {
        return Math.max(0, words.get(i).start() - words.get(i - 1).end());
    }

    private static String normalized(List<TimedWord> words, int i) {
        return words.get(i).word().toLowerCase(Locale.ROOT).replaceAll("[^a-z']", "");
    }

    private static List<TimedWord> inOrder(List<TimedWord> words) {
        return words.stream()
                .sorted(Comparator.comparingDouble(TimedWord::start))
                .toList();
    }
}
