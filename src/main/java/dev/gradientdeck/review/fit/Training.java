package dev.gradientdeck.review.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * fsrs-rs's training loop ({@code train}): recency-weighted items cut into fixed batches of similar length; each epoch
 * visits the batches in a fresh order, one Adam step per batch on the summed weighted BCE plus the L2 pull, weights clipped
 * after every step; after each epoch the loss on the whole set is measured and the best epoch's weights are kept.
 */
final class Training {
    private Training() {}

    /**
     * A batch's gradient is summed over fixed chunks of this many items, in parallel, and the chunks' sums are added in
     * order: the same result on any number of cores.
     */
    static final int CHUNK = 128;

    /** One batch: its items and their recency weights. */
    record Batch(List<ReviewItem> items, double[] weights) {
        int size() {
            return items.size();
        }

        /** The summed weighted BCE; its gradient is added into {@code gradient}. */
        double lossAndGradient(double[] w, double[] gradient) {
            int chunks = (items.size() + CHUNK - 1) / CHUNK;
            double[][] partial = new double[chunks][];
            double[] losses = new double[chunks];
            java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
                TrainableFsrs model = new TrainableFsrs(w);
                double[] g = new double[w.length];
                double sum = 0;
                for (int i = c * CHUNK; i < Math.min(items.size(), (c + 1) * CHUNK); i++) {
                    sum += model.lossAndGradient(items.get(i), weights[i], g);
                }
                partial[c] = g;
                losses[c] = sum;
            });
            double loss = 0;
            for (int c = 0; c < chunks; c++) {
                loss += losses[c];
                for (int i = 0; i < w.length; i++) gradient[i] += partial[c][i];
            }
            return loss;
        }
    }

    /** Items in time order with their recency weights, then those longer than the limit dropped, cut into batches. */
    static List<Batch> batches(List<ReviewItem> items, int batchSize, int maxSequenceLength) {
        double[] recency = RecencyWeights.of(items.size());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).length() <= maxSequenceLength) kept.add(i);
        }
        kept.sort(Comparator.comparingInt(i -> items.get(i).length()));
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < kept.size(); from += batchSize) {
            List<Integer> chunk = kept.subList(from, Math.min(kept.size(), from + batchSize));
            batches.add(new Batch(
                    chunk.stream().map(items::get).toList(),
                    chunk.stream().mapToDouble(i -> recency[i]).toArray()));
        }
        return batches;
    }

    static double[] train(
            List<ReviewItem> items, double[] initial, TrainingConfig config, BatchOrder order, FitProgress progress) {
        List<Batch> batches = batches(items, config.batchSize(), config.maxSequenceLength());
        int total = batches.stream().mapToInt(Batch::size).sum();
        int steps = (total / config.batchSize() + 1) * config.epochs();
        CosineSchedule schedule = new CosineSchedule(steps, config.learningRate());
        double[] w = initial.clone();
        Adam adam = new Adam(w.length);
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] best = w.clone();
        int step = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int b : order.next(epoch, batches.size())) {
                if (progress.cancelled()) throw new FitProgress.Cancelled();
                Batch batch = batches.get(b);
                double lr = schedule.next();
                double[] gradient = new double[w.length];
                double loss = batch.lossAndGradient(w, gradient);
                L2Pull.addGradient(w, initial, batch.size(), total, config.gamma(), gradient);
                if (!config.shortTerm()) {
                    // Long-term mode: the first stabilities and the same-day weights stay where pretraining put them.
                    for (int i : new int[] {0, 1, 2, 3, 17, 18, 19}) gradient[i] = 0;
                }
                adam.step(w, gradient, lr);
                Clipping.clip(w, config.relearningSteps(), config.shortTerm());
                progress.step(epoch, ++step, steps, loss / batch.size(), w.clone());
            }
            double loss = wholeSetLoss(batches, w, initial, total, config.gamma());
            progress.epoch(epoch, loss, w.clone());
            if (loss < bestLoss) {
                bestLoss = loss;
                best = w.clone();
            }
        }
        return best;
    }

    /** The objective on the training set itself: summed BCE plus each batch's share of the L2 pull, per item. */
    static double wholeSetLoss(List<Batch> batches, double[] w, double[] initial, int total, double gamma) {
        List<ReviewItem> items = new ArrayList<>(total);
        double[] weights = new double[total];
        for (Batch batch : batches) {
            System.arraycopy(batch.weights(), 0, weights, items.size(), batch.size());
            items.addAll(batch.items());
        }
        double[] predicted = new TrainableFsrs(w).predictAll(items);
        double sum = 0;
        for (int i = 0; i < total; i++)
            sum += TrainableFsrs.crossEntropy(predicted[i], items.get(i).recalled()) * weights[i];
        for (Batch batch : batches) sum += L2Pull.penalty(w, initial, batch.size(), total, gamma);
        return sum / total;
    }
}
