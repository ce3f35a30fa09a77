package dev.gradientdeck.practice.measure;

import dev.gradientdeck.practice.speech.TimedWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A transcript as a page shows it: each word with when it was said and whether it belongs to a
 * filler.
 */
public final class Transcript {

    /** {@code heard}: a filled pause found in the audio, where the recognizer wrote no word. */
    public record Word(String text, double start, boolean filler, boolean heard) {}

    private Transcript() {}

    /**
     * Marks the words of each filler the recognizer wrote, and puts each filler heard in the audio
     * between the words around it. {@link SpeechMetrics} reports a written filler by its text and
     * the start of its first word, and both lists are in spoken order, so one pass finds them; a
     * two-word filler marks both words.
     */
    public static List<Word> marked(List<TimedWord> words, List<Filler> fillers) {
        boolean[] filler = new boolean[words.size()];
        int i = 0;
        for (Filler f : fillers) {
            if (f.heard()) {
                continue;
            }
            while (i < words.size() && words.get(i).start() < f.start()) {
                i++;
            }
            int length = f.text().split(" ").length;
            for (int k = i; k < Math.min(words.size(), i + length); k++) {
                filler[k] = true;
            }
            i += length;
        }
        List<Word> marked = new ArrayList<>(words.size());
        for (int k = 0; k < words.size(); k++) {
            marked.add(new Word(words.get(k).word(), words.get(k).start(), filler[k], false));
        }
        for (Filler f : fillers) {
            if (f.heard()) {
                marked.add(new Word(f.text(), f.start(), true, true));
            }
        }
        marked.sort(Comparator.comparingDouble(Word::start));
        return marked;
    }
}
