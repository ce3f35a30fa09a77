package dev.gradientdeck.practice.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The few ways ML answers name the same thing, and the words too generic to show a point was made.
 * Hand-written and small on purpose: a general thesaurus would call "loss" a "defeat"; these are
 * the swaps interviewers actually hear. Entries are compared by stem, so each form is listed once.
 */
final class MlLexicon {

    /** Each line one meaning; its names separated by "|"; a name may be several words. */
    private static final List<String> MEANINGS = List.of(
            "learning rate | lr | step size | eta",
            "weight | parameter | param | coefficient",
            "loss function | cost function | objective function | loss | cost | objective",
            "gradient | slope | derivative | grad",
            "overfitting | overfit | high variance | memorize",
            "underfitting | underfit | high bias",
            "regularization | regularize | weight decay | penalty | penalize | l2 | ridge",
            "minibatch | mini batch | batch",
            "momentum | velocity",
            "step | update",
            "reduce | lower | decrease | shrink | cut",
            "increase | raise | grow",
            "large | big | high | huge",
            "small | tiny",
            "smooth | average | dampen",
            "noisy | noise | jittery",
            "diverge | blow up | explode",
            "converge | settle",
            "neural network | network | net",
            "gradient descent | sgd | stochastic gradient descent",
            "prediction | output | estimate",
            "label | target | ground truth",
            "feature | input",
            "batch normalization | batchnorm | batch norm",
            "dropout | drop out",
            "activation | nonlinearity",
            "generalize | generalization | unseen data | test data");

    /**
     * Words so common in answers about anything that hearing them shows nothing; they never make a
     * point covered and are never listed as missing.
     */
    private static final Set<String> GENERIC = stems(
            "model",
            "use",
            "data",
            "thing",
            "way",
            "make",
            "get",
            "keep",
            "value",
            "set",
            "work",
            "need",
            "take",
            "give",
            "good",
            "well",
            "new",
            "really",
            "basically",
            "example",
            "like",
            "kind",
            "lot",
            "want",
            "number",
            "important",
            "help",
            "also",
            "go",
            "put",
            "say");

    /** The stems of each name -> the index of its meaning. */
    private static final Map<List<String>, Integer> MEANING_OF_NAME = new HashMap<>();

    static final int LONGEST_NAME;

    static {
        int longest = 1;
        for (int m = 0; m < MEANINGS.size(); m++) {
            for (String name : MEANINGS.get(m).split("\\|")) {
                List<String> stems = stemsOf(name.strip());
                MEANING_OF_NAME.putIfAbsent(stems, m);
                longest = Math.max(longest, stems.size());
            }
        }
        LONGEST_NAME = longest;
    }

    private MlLexicon() {}

    /** The meaning a run of word stems names, or -1. */
    static int meaningOf(List<String> stems) {
        return MEANING_OF_NAME.getOrDefault(stems, -1);
    }

    /** Every name of a meaning, each as its word stems. */
    static List<List<String>> namesOf(int meaning) {
        List<List<String>> names = new ArrayList<>();
        for (String name : MEANINGS.get(meaning).split("\\|")) {
            names.add(stemsOf(name.strip()));
        }
        return names;
    }

    static boolean isGeneric(String stem) {
        return GENERIC.contains(stem);
    }

    private static List<String> stemsOf(String name) {
        return KeyPoints.words(name).stream().map(PorterStemmer::stem).toList();
    }

    private static Set<String> stems(String... words) {
        return Set.of(words).stream().map(PorterStemmer::stem).collect(Collectors.toSet());
    }
}
