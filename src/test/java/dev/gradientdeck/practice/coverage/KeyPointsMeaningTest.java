package dev.gradientdeck.practice.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Key points are covered by what was meant: synonyms count, scattered and generic words do not. */
class KeyPointsMeaningTest {

    private static PointCoverage cover(String point, String transcript) {
        return KeyPoints.coverage(KeyPoints.fromTexts(List.of(point)), transcript)
                .get(0);
    }

    @Test
    void aParaphraseInOtherMlWordsCounts() {
        PointCoverage c = cover(
                "Regularization reduces overfitting", "so adding weight decay lowers the high variance of the network");
        assertTrue(c.covered(), "weight decay / lowers / high variance say the same thing");
        assertEquals(List.of("weight decay", "lowers", "high variance"), c.matchedWords());
        assertEquals(List.of(), c.missingTerms());
    }

    @Test
    void aShortNameCountsForTheLongOne() {
        PointCoverage c =
                cover("A large learning rate makes the loss diverge", "if the lr is too big the cost will diverge");
        assertTrue(c.covered());
        assertEquals(List.of("lr", "big", "cost", "diverge"), c.matchedWords());
    }

    @Test
    void wordsScatteredFarApartDoNotMakeAPoint() {
        String far = "momentum is something I have read about in a paper once and then there was"
                + " a long story about my previous job and the team and the office and"
                + " the coffee and then later the gradients were noisy";
        PointCoverage c = cover("Momentum smooths noisy gradients", far);
        assertFalse(c.covered(), "momentum is said thirty words away from noisy gradients");

        PointCoverage near = cover("Momentum smooths noisy gradients", "momentum averages out the noisy gradients");
        assertTrue(near.covered());
        assertEquals(List.of("momentum", "averages", "noisy", "gradients"), near.matchedWords());
    }

    @Test
    void genericWordsAloneCoverNothingAndAreNeverMissing() {
        PointCoverage c =
                cover("Regularization keeps the model simple", "we use the model and the model uses the data");
        assertFalse(c.covered());
        assertEquals(List.of("regularization", "simple"), c.missingTerms());
        assertEquals(List.of(), c.matchedWords());
    }

    @Test
    void aPointOfOnlyGenericWordsStillNeedsThem() {
        assertFalse(
                cover("Use the model on the data", "regularization is simple").covered());
        assertTrue(
                cover("Use the model on the data", "you use the model on data").covered());
    }
}
