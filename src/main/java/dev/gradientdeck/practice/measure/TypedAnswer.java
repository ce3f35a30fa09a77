package dev.gradientdeck.practice.measure;

import dev.gradientdeck.practice.speech.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A typed answer as words {@link SpeechMetrics} can read. Typing has no timings, so each word gets
 * a nominal slot and punctuation that marks a break becomes a pause: the filler heuristics read
 * pauses as commas, so "I, like, think" still counts its "like" and "I like it" does not. Only what
 * needs no timing is reported for a typed answer: its words, fillers and key-point coverage, never
 * a pace or a pause.
 */
public final class TypedAnswer {

    private static final double WORD_SECONDS = 0.3;
    private static final double BREAK_SECONDS = 2 * SpeechMetrics.PAUSE_SECONDS;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern HAS_WORD = Pattern.compile(".*[\\p{L}\\p{N}].*");
    private static final String BREAK_AFTER = ",;:.!?)\u2014\u2013-\u2026";
    private static final String BREAK_BEFORE = "(\u2014\u2013";

    private TypedAnswer() {}

    /**
     * The words as typed, punctuation kept, so joining them gives the answer back with its
     * whitespace tidied. A token of punctuation alone (a dash between spaces) joins the word before
     * it instead of counting as a word.
     */
    public static List<TimedWord> words(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : WHITESPACE.split(text.strip())) {
            if (token.isEmpty()) {
                continue;
            }
            if (!HAS_WORD.matcher(token).matches() && !tokens.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + " " + token);
            } else {
                tokens.add(token);
            }
        }
        List<TimedWord> words = new ArrayList<>();
        double t = 0;
        for (String token : tokens) {
            if (!words.isEmpty() && BREAK_BEFORE.indexOf(token.charAt(0)) >= 0) {
                t += BREAK_SECONDS;
            }
            words.add(new TimedWord(token, t, t + WORD_SECONDS));
            t += WORD_SECONDS;
            if (BREAK_AFTER.indexOf(token.charAt(token.length() - 1)) >= 0) {
                t += BREAK_SECONDS;
            }
        }
        return words;
    }
}
