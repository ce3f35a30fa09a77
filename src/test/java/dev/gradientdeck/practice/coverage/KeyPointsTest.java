package dev.gradientdeck.practice.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPointsTest {

    private static final String ANSWER_WITH_LIST = """
      Gradient descent minimizes the loss.

      - Compute the **gradient** of the loss
      - Step against it, scaled by the learning rate
      """;

    private static List<String> texts(List<KeyPoint> points) {
        return points.stream().map(KeyPoint::text).toList();
    }

    @Test
    void theCardsKeyPointsComeFirst() {
        String keyPoints = "- Subtract the gradient\n- The learning rate sets the step size\n";
        assertEquals(
                List.of("Subtract the gradient", "The learning rate sets the step size"),
                texts(KeyPoints.fromAnswer(keyPoints, ANSWER_WITH_LIST)));
    }

    @Test
    void withoutKeyPointsTheAnswersListItemsServe() {
        List<String> expected =
                List.of("Compute the gradient of the loss", "Step against it, scaled by the learning rate");
        assertEquals(expected, texts(KeyPoints.fromAnswer(null, ANSWER_WITH_LIST)));
        assertEquals(expected, texts(KeyPoints.fromAnswer("  \n", ANSWER_WITH_LIST)));
    }

    @Test
    void withoutAnyListTheAnswersSentencesServe() {
        String answer = """
        # Adam

        Adam keeps moving averages of the gradient. It divides by the root of the second moment!

        ```python
        opt = Adam(lr=0.001)
        ```
        """;
        assertEquals(
                List.of("Adam keeps moving averages of the gradient.", "It divides by the root of the second moment!"),
                texts(KeyPoints.fromAnswer(null, answer)));
    }

    @Test
    void nestedItemsArePointsOfTheirOwnAndBareFormulasAreLeftOut() {
        String keyPoints = """
        - Momentum averages past gradients
          - Nesterov looks ahead
        - $w \\leftarrow w - \\eta g$
        """;
        assertEquals(
                List.of("Momentum averages past gradients", "Nesterov looks ahead"),
                texts(KeyPoints.fromAnswer(keyPoints, "")));
    }

    @Test
    void termsLeaveOutStopWordsNumbersMathAndRepeatedStems() {
        assertEquals(List.of("learning", "rate"), KeyPoints.contentTerms("The learning of the rate, $\\eta$ = 0.01"));
        assertEquals(
                List.of("weight", "regularization", "penalizes", "large"),
                KeyPoints.contentTerms("Weight regularization penalizes large weights"));
        assertEquals(
                List.of("model", "weights", "overfit"), KeyPoints.contentTerms("The model's weights don't overfit"));
    }

    @Test
    void stemmingLetsOtherFormsOfAWordCover() {
        KeyPoint point = new KeyPoint(
                "Weight regularization penalizes large weights",
                KeyPoints.contentTerms("Weight regularization penalizes large weights"));
        PointCoverage coverage = KeyPoints.coverage(
                        List.of(point), "so we regularize the weights and they get penalized when they are large")
                .get(0);
        assertTrue(coverage.covered());
        assertEquals(1.0, coverage.share(), 1e-9);
        assertEquals(List.of(), coverage.missingTerms());
    }

    @Test
    void aPointIsCoveredFromSixtyPercentOfItsTerms() {
        KeyPoint point = new KeyPoint("five terms", List.of("adam", "momentum", "variance", "bias", "correction"));
        PointCoverage three = KeyPoints.coverage(List.of(point), "adam uses momentum and variance")
                .get(0);
        assertTrue(three.covered());
        assertEquals(0.6, three.share(), 1e-9);
        assertEquals(List.of("bias", "correction"), three.missingTerms());

        PointCoverage two =
                KeyPoints.coverage(List.of(point), "adam uses momentum").get(0);
        assertFalse(two.covered());
        assertEquals(List.of("variance", "bias", "correction"), two.missingTerms());
    }

    @Test
    void stopWordsAloneCoverNothing() {
        List<KeyPoint> points = KeyPoints.fromAnswer("- The model of the data\n", "");
        assertEquals(List.of("model", "data"), points.get(0).terms());
        PointCoverage coverage =
                KeyPoints.coverage(points, "the of the and the").get(0);
        assertFalse(coverage.covered());
        assertEquals(0.0, coverage.share(), 1e-9);
    }

    @Test
    void coverageFollowsThePointsInOrder() {
        List<KeyPoint> points = KeyPoints.fromAnswer(null, ANSWER_WITH_LIST);
        List<PointCoverage> coverage = KeyPoints.coverage(points, "you compute gradients of the loss function");
        assertEquals(
                List.of(true, false),
                coverage.stream().map(PointCoverage::covered).toList());
        assertEquals("Compute the gradient of the loss", coverage.get(0).point());
    }

    @Test
    void aKeyPointNeedsAContentWord() {
        assertThrows(IllegalArgumentException.class, () -> new KeyPoint("the of", List.of()));
    }
}
