package dev.gradientdeck.practice.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an answer made a key point: each idea of the point (a content word, or an ML name from
 * {@link MlLexicon} such as "learning rate") is heard in any of its forms or synonyms, and the ideas
 * heard lie within {@link #WINDOW} words of each other, since words scattered over a long answer
 * were not said about the same thing.
 */
final class MeaningMatch {

    /** Words from the first to the last matched word of one point. */
    static final int WINDOW = 15;

    /** One idea of a point: how the point wrote it, and every way of saying it, as stems. */
    private record Idea(String written, List<List<String>> names) {}

    /** Where an idea was heard: word positions in the answer and the words themselves. */
    private record Hit(int idea, int first, int last, String words) {}

    private MeaningMatch() {}

    static PointCoverage cover(KeyPoint point, List<String> answerWords) {
        List<Idea> ideas = ideas(point.terms());
        List<Hit> hits = hits(ideas, answerWords);
        List<Hit> best = closestRun(hits);
        Set<Integer> heard = new HashSet<>();
        best.forEach(hit -> heard.add(hit.idea()));
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < ideas.size(); i++) {
            if (!heard.contains(i)) {
                missing.add(ideas.get(i).written());
            }
        }
        double share = (double) heard.size() / ideas.size();
        return new PointCoverage(
                point.text(),
                share >= KeyPoints.COVERED_SHARE,
                share,
                missing,
                best.stream().map(Hit::words).toList());
    }

    /**
     * The point's terms grouped into ideas, longest lexicon name first, generic words dropped —
     * unless the point has nothing but generic words, which then must be said.
     */
    private static List<Idea> ideas(List<String> terms) {
        List<String> stems = terms.stream().map(PorterStemmer::stem).toList();
        Map<Object, Idea> ideas = new LinkedHashMap<>();
        Map<Object, Idea> generic = new LinkedHashMap<>();
        int i = 0;
        while (i < terms.size()) {
            int length = Math.min(MlLexicon.LONGEST_NAME, terms.size() - i);
            int meaning = -1;
            for (; length > 0; length--) {
                meaning = MlLexicon.meaningOf(stems.subList(i, i + length));
                if (meaning >= 0) {
                    break;
                }
            }
            if (meaning >= 0) {
                String written = String.join(" ", terms.subList(i, i + length));
                ideas.putIfAbsent(meaning, new Idea(written, MlLexicon.namesOf(meaning)));
                i += length;
                continue;
            }
            String stem = stems.get(i);
            Idea own = new Idea(terms.get(i), List.of(List.of(stem)));
            (MlLexicon.isGeneric(stem) ? generic : ideas).putIfAbsent(stem, own);
            i++;
        }
        return List.copyOf((ideas.isEmpty() ? generic : ideas).values());
    }

    /** Every place a name of an idea was said, stop words skipped inside a name. */
    private static List<Hit> hits(List<Idea> ideas, List<String> words) {
        List<Integer> positions = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (int p = 0; p < words.size(); p++) {
            if (!KeyPoints.isStopWord(words.get(p))) {
                positions.add(p);
                stems.add(PorterStemmer.stem(words.get(p)));
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int idea = 0; idea < ideas.size(); idea++) {
            for (List<String> name : ideas.get(idea).names()) {
                for (int s = 0; s + name.size() <= stems.size(); s++) {
                    if (stems.subList(s, s + name.size()).equals(name)) {
                        int first = positions.get(s);
                        int last = positions.get(s + name.size() - 1);
                        hits.add(new Hit(idea, first, last, String.join(" ", words.subList(first, last + 1))));
                    }
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::first));
        return hits;
    }

    /** The window holding the most distinct ideas; the earliest such window on a tie. */
    private static List<Hit> closestRun(List<Hit> hits) {
        List<Hit> best = List.of();
        for (int a = 0; a < hits.size(); a++) {
            Map<Integer, Hit> firstOfIdea = new LinkedHashMap<>();
            for (int b = a; b < hits.size(); b++) {
                Hit hit = hits.get(b);
                if (hit.last() - hits.get(a).first() < WINDOW) {
                    firstOfIdea.putIfAbsent(hit.idea(), hit);
                }
            }
            if (firstOfIdea.size() > best.size()) {
                best = List.copyOf(firstOfIdea.values());
            }
        }
        return best;
    }
}
