package dev.gradientdeck.review.fit;

/** What a running fit reports, so a page can draw the descent as it happens. Called on the fitting thread. */
public interface FitProgress {
    /** After each Adam step: the mean loss of the batch just stepped on and the weights it led to. */
    default void step(int epoch, int step, int steps, double batchLoss, double[] weights) {}

    /** After each epoch: the loss on the whole training set (with the L2 pull), per item. */
    default void epoch(int epoch, double loss, double[] weights) {}

    /** Polled between steps: true stops the fit. */
    default boolean cancelled() {
        return false;
    }

    FitProgress NONE = new FitProgress() {};

    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("the fit was stopped");
        }
    }
}
