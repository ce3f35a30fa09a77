package dev.gradientdeck.review.fit;

import java.util.List;

/**
 * The order the batches are visited in, one epoch at a time: the only thing in a fit that depends on chance. The app
 * shuffles as fsrs-rs does ({@link #shuffled}); tests can replay an order recorded from the reference ({@link #recorded}).
 */
public interface BatchOrder {
    /** The batch indices for this epoch (1-based), a permutation of 0..batches-1. */
    int[] next(int epoch, int batches);

    /** fsrs-rs's order: 0..B-1 shuffled each epoch by one ChaCha12 stream seeded with {@code seed}. */
    static BatchOrder shuffled(long seed) {
        ChaCha12 rng = new ChaCha12(seed);
        return (epoch, batches) -> {
            int[] order = new int[batches];
            for (int i = 0; i < batches; i++) order[i] = i;
            rng.shuffle(order);
            return order;
        };
    }

    /** Orders recorded epoch by epoch. */
    static BatchOrder recorded(List<int[]> orders) {
        return (epoch, batches) -> {
            int[] order = orders.get(epoch - 1);
            if (order.length != batches) {
                throw new IllegalArgumentException(
                        "epoch " + epoch + " has " + batches + " batches, the recorded order " + order.length);
            }
            return order.clone();
        };
    }
}
