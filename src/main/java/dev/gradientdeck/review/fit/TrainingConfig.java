package dev.gradientdeck.review.fit;

/**
 * How a fit runs; {@link #defaults()} are fsrs-rs's (and so Anki's): 5 epochs of batches of 512, Adam at 0.04 with cosine
 * annealing, seed 2023, items of at most 256 reviews, L2 pull γ = 1, short-term model on, one relearning step.
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        long seed,
        double learningRate,
        int maxSequenceLength,
        double gamma,
        boolean shortTerm,
        int relearningSteps) {
    public TrainingConfig {
        if (epochs < 0
                || batchSize < 1
                || maxSequenceLength < 2
                || relearningSteps < 0
                || !Double.isFinite(learningRate)
                || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("invalid training config: " + epochs + " epochs, batch " + batchSize);
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(5, 512, 2023, 0.04, 256, 1.0, true, 1);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(
                n, batchSize, seed, learningRate, maxSequenceLength, gamma, shortTerm, relearningSteps);
    }

    public TrainingConfig withBatchSize(int n) {
        return new TrainingConfig(epochs, n, seed, learningRate, maxSequenceLength, gamma, shortTerm, relearningSteps);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(
                epochs, batchSize, s, learningRate, maxSequenceLength, gamma, shortTerm, relearningSteps);
    }

    public TrainingConfig withShortTerm(boolean on) {
        return new TrainingConfig(epochs, batchSize, seed, learningRate, maxSequenceLength, gamma, on, relearningSteps);
    }
}
