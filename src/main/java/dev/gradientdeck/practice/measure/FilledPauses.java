package dev.gradientdeck.practice.measure;

import dev.gradientdeck.practice.speech.TimedWord;
import dev.gradientdeck.practice.speech.VoiceActivity;
import dev.gradientdeck.practice.speech.VoiceActivity.Stretch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fillers the recognizer dropped, and pauses, from the audio's own voice track.
 *
 * <p>A recognizer trained on read text has no word for "uhh" or "umm", so it drops them or writes a
 * short word in their place. Here a filled pause is a voiced stretch of a fifth of a second to two
 * seconds that no recognized word covers, held at one pitch (a filler is one steady vowel or hum,
 * where even a one-word phrase moves its pitch), or a stray short word ("a", "the", "huh") stretched
 * over such a steady sound.
 */
public final class FilledPauses {

    static final double SHORTEST_SECONDS = 0.2;
    static final double LONGEST_SECONDS = 2.0;

    /** Pitch may wander this much (standard deviation, in semitones) and still be "held". */
    static final double STEADY_SEMITONES = 1.5;

    /** Share of a stretch's frames that must have a pitch: less is noise, a cough or breath. */
    static final double PITCHED_SHARE = 0.6;

    /**
     * Short words a recognizer writes for a held "uh" or "er". Said as words, they take well under
     * {@link #LOOKALIKE_SECONDS}.
     */
    private static final Set<String> LOOKALIKES =
            Set.of("a", "uh", "the", "her", "huh", "ah", "oh", "er", "or", "are", "um", "hm", "mm");

    static final double LOOKALIKE_SECONDS = 0.35;

    /**
     * A sound whose band levels move less than this (mean dB over 50 ms) is held. Speech moves
     * 5 to 20 dB from sound to sound; a held "uhh" under 3.
     */
    static final double HELD_CHANGE_DB = 4.0;

    /** Words hold a vowel for a tenth or two of a second; a filler holds it longer. */
    static final double HELD_SECONDS = 0.25;

    /** Fillers closer than this are one hesitation. */
    static final double TOUCHING_SECONDS = 0.25;

    /** Word timings are a little loose; this much around each word counts as the word's. */
    private static final double WORD_MARGIN = 0.05;

    private FilledPauses() {}

    /**
     * Filled pauses in the audio, in spoken order: voiced stretches no recognized word covers, and
     * sounds held steady long enough that no word explains them (the recognizer may have written
     * a word or two over them).
     */
    public static List<Filler> find(VoiceActivity track, List<TimedWord> words) {
        List<Filler> found = new ArrayList<>();
        for (Stretch voiced : track.voiced()) {
            for (Stretch gap : uncovered(voiced, words)) {
                if (isFilledPause(track, gap)) {
                    found.add(heard(gap));
                }
            }
            for (Stretch held : heldSounds(track, voiced)) {
                if (isFilledPause(track, held)) {
                    found.add(heard(held));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Filler::start));
        return found;
    }

    /**
     * One filler per hesitation: fillers that overlap or nearly touch are one ("ah" written by the
     * recognizer and the "mm" after it heard in the audio are one "umm"). The first one found
     * stands for the rest, a written one before a heard one.
     */
    public static List<Filler> merged(List<Filler> fillers) {
        List<Filler> ordered = new ArrayList<>(fillers);
        ordered.sort(Comparator.comparingDouble(Filler::start).thenComparing(Filler::heard));
        List<Filler> out = new ArrayList<>();
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (Filler f : ordered) {
            if (!out.isEmpty() && f.start() - lastEnd <= TOUCHING_SECONDS) {
                lastEnd = Math.max(lastEnd, f.end());
                continue;
            }
            out.add(f);
            lastEnd = f.end();
        }
        return out;
    }

    private static Filler heard(Stretch stretch) {
        return new Filler(stretch.seconds() > 0.5 ? "uhh" : "uh", stretch.start(), stretch.end(), true);
    }

    /**
     * Runs of a voiced stretch where the sound's colour barely changes for {@link #HELD_SECONDS}
     * or more: a vowel or hum held far longer than words hold one.
     */
    static List<Stretch> heldSounds(VoiceActivity track, Stretch voiced) {
        double[] change = track.spectralChange(voiced);
        List<Stretch> held = new ArrayList<>();
        int run = 0;
        for (int f = 0; f <= change.length; f++) {
            if (f < change.length && change[f] <= HELD_CHANGE_DB) {
                run++;
                continue;
            }
            if (run * VoiceActivity.FRAME_STEP_SECONDS >= HELD_SECONDS) {
                double start = voiced.start() + (f - run) * VoiceActivity.FRAME_STEP_SECONDS;
                // The change compares each frame with one 50 ms later: the held sound lasts that
                // much past the run.
                held.add(new Stretch(
                        start, Math.min(voiced.end(), start + (run + 5) * VoiceActivity.FRAME_STEP_SECONDS)));
            }
            run = 0;
        }
        return held;
    }

    /**
     * Words the recognizer made of a filler: a lookalike word held as one steady sound. Its index in
     * {@code words} is what is returned.
     */
    public static List<Integer> misheardAsWords(VoiceActivity track, List<TimedWord> words) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            TimedWord w = words.get(i);
            String word = w.word().toLowerCase(Locale.ROOT);
            if (LOOKALIKES.contains(word)
                    && w.end() - w.start() >= LOOKALIKE_SECONDS
                    && isFilledPause(track, new Stretch(w.start(), w.end()))) {
                found.add(i);
            }
        }
        return found;
    }

    /**
     * The longest silence between two stretches of speech; silence before the first and after the
     * last is thinking and stopping, not a pause.
     */
    public static double longestPauseSeconds(VoiceActivity track) {
        List<Stretch> speech = track.speech();
        double longest = 0;
        for (int i = 1; i < speech.size(); i++) {
            longest =
                    Math.max(longest, speech.get(i).start() - speech.get(i - 1).end());
        }
        return longest;
    }

    static boolean isFilledPause(VoiceActivity track, Stretch stretch) {
        if (stretch.seconds() < SHORTEST_SECONDS || stretch.seconds() > LONGEST_SECONDS) {
            return false;
        }
        double[] hz = track.pitch(stretch);
        double[] semitones = Arrays.stream(hz)
                .filter(f -> !Double.isNaN(f))
                .map(FilledPauses::semitones)
                .toArray();
        if (hz.length == 0 || semitones.length < PITCHED_SHARE * hz.length) {
            return false;
        }
        // Octave jumps are the pitch tracker's errors, not the voice's: frames far from the median
        // are left out before judging how steady the rest is.
        double median = median(semitones);
        double[] near =
                Arrays.stream(semitones).filter(s -> Math.abs(s - median) < 6).toArray();
        if (near.length < PITCHED_SHARE * hz.length) {
            return false;
        }
        double mean = Arrays.stream(near).average().orElse(0);
        double variance =
                Arrays.stream(near).map(s -> (s - mean) * (s - mean)).average().orElse(0);
        return Math.sqrt(variance) <= STEADY_SEMITONES;
    }

    /** The parts of a stretch that no word (with its margin) overlaps. */
    static List<Stretch> uncovered(Stretch stretch, List<TimedWord> words) {
        List<Stretch> parts = new ArrayList<>();
        double from = stretch.start();
        for (TimedWord w : words) {
            double wordStart = w.start() - WORD_MARGIN;
            double wordEnd = w.end() + WORD_MARGIN;
            if (wordEnd <= from || wordStart >= stretch.end()) {
                continue;
            }
            if (wordStart > from) {
                parts.add(new Stretch(from, wordStart));
            }
            from = Math.max(from, wordEnd);
        }
        if (from < stretch.end()) {
            parts.add(new Stretch(from, stretch.end()));
        }
        return parts;
    }

    private static double semitones(double hz) {
        return 12 * Math.log(hz / 100) / Math.log(2);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
