package dev.gradientdeck.practice.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {

    /** Examples from Porter's paper, run through the whole algorithm. */
    @ParameterizedTest
    @CsvSource({
        "caresses, caress",
        "ponies, poni",
        "ties, ti",
        "caress, caress",
        "cats, cat",
        "feed, feed",
        "agreed, agre",
        "plastered, plaster",
        "bled, bled",
        "motoring, motor",
        "sing, sing",
        "conflated, conflat",
        "troubled, troubl",
        "sized, size",
        "hopping, hop",
        "tanned, tan",
        "falling, fall",
        "hissing, hiss",
        "fizzed, fizz",
        "failing, fail",
        "filing, file",
        "happy, happi",
        "sky, sky",
        "relational, relat",
        "conditional, condit",
        "rational, ration",
        "generalization, gener",
        "oscillators, oscil",
        "hopeful, hope",
        "goodness, good",
        "adjustment, adjust",
        "electrical, electr",
        "effective, effect",
        "controlling, control",
        "replacement, replac",
        "adoption, adopt",
        "probate, probat",
        "rate, rate",
        "cease, ceas"
    })
    void stemsLikeThePaper(String word, String stem) {
        assertEquals(stem, PorterStemmer.stem(word));
    }

    @ParameterizedTest
    @CsvSource({
        "regularization, regularize, regularized", "gradients, gradient, gradient",
        "optimizers, optimizer, optimizing", "penalizes, penalized, penalize"
    })
    void inflectionsOfOneWordMeet(String a, String b, String c) {
        assertEquals(PorterStemmer.stem(a), PorterStemmer.stem(b));
        assertEquals(PorterStemmer.stem(a), PorterStemmer.stem(c));
    }

    @Test
    void measureCountsVowelConsonantPairsAsInThePaper() {
        for (String word : new String[] {"tr", "ee", "tree", "y", "by"}) {
            assertEquals(0, PorterStemmer.measure(word), word);
        }
        for (String word : new String[] {"trouble", "oats", "trees", "ivy"}) {
            assertEquals(1, PorterStemmer.measure(word), word);
        }
        for (String word : new String[] {"troubles", "private", "oaten", "orrery"}) {
            assertEquals(2, PorterStemmer.measure(word), word);
        }
    }
}
