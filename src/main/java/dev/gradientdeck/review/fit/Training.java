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

    /** One batch: its items and their recency weights. */
    record Batch(List<ReviewItem> items, double[] weights) {
        int size() {
            return items.size();
        }

        double loss(TrainableFsrs model, double[] gradient) {
            double sum = 0;
            for (int i = 0; i < items.size(); i++) sum += model.lossAndGradient(items.get(i), weights[i], gradient);
            return sum;
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
            batches.add(new Batch(chunk.stream().map(items::get).toList(), chunk.stream().mapToDouble(i -> recency[i]).toArray()));
        }
        return batches;
    }

    static double[] train(List<ReviewItem> items, double[] initial, TrainingConfig config, BatchOrder order, FitProgress progress) {
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
                double loss = batch.loss(new TrainableFsrs(w), gradient);
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
        TrainableFsrs model = new TrainableFsrs(w);
        double sum = 0;
        for (Batch batch : batches) {
            sum += batch.loss(model, null) + L2Pull.penalty(w, initial, batch.size(), total, gamma);
        }
        return sum / total;
    }
}
