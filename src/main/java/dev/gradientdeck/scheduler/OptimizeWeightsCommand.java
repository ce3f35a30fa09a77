package dev.gradientdeck.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradientdeck.review.fit.BatchOrder;
import dev.gradientdeck.review.fit.Evaluation;
import dev.gradientdeck.review.fit.FitProgress;
import dev.gradientdeck.review.fit.FsrsOptimizer;
import dev.gradientdeck.review.fit.Items;
import dev.gradientdeck.review.fit.ReviewItem;
import dev.gradientdeck.review.fit.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code optimize-weights LOG.csv}: fits FSRS-6 weights to a review log exactly as the app (and Anki's fsrs-rs) would and
 * prints them with their figures as JSON. A malformed line prints one line naming it and exits 2.
 */
@Command(
        name = "optimize-weights",
        description =
                "Fit FSRS-6 weights to a review log CSV (card_id,review_time,rating[,review_duration]) and print them as JSON.")
public final class OptimizeWeightsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LOG.csv", description = "The review log, with a header line.")
    Path log;

    @Option(names = "--zone", description = "IANA time zone whose days count (default: UTC).", defaultValue = "UTC")
    String zone;

    @Option(
            names = "--day-starts-at",
            description = "Hour (0-23) when a new day starts (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int dayStartsAt;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            return refuse(err, "--zone '" + zone + "' is not a time zone (use an IANA name like Europe/London)");
        }
        if (dayStartsAt < 0 || dayStartsAt > 23)
            return refuse(err, "--day-starts-at " + dayStartsAt + " is not an hour (0-23)");
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return refuse(err, log + ": is not UTF-8 text");
        } catch (IOException e) {
            return refuse(err, log + ": cannot be read (" + e.getMessage() + ")");
        }
        Items.Built built;
        try {
            built = Items.fromLog(ReviewLogCsv.parse(lines), zoneId, dayStartsAt);
        } catch (ReviewLogCsv.Malformed e) {
            return refuse(err, log + ":" + e.line + ": " + e.getMessage());
        }
        TrainingConfig config = TrainingConfig.defaults();
        FsrsOptimizer.Fit fit =
                FsrsOptimizer.fit(built.items(), config, BatchOrder.shuffled(config.seed()), FitProgress.NONE);
        List<ReviewItem> evaluated = Evaluation.referenceOrder(built.items());
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = json.createObjectNode();
        var weights = result.putArray("weights");
        for (double w : fit.weights()) weights.add(w);
        if (evaluated.isEmpty()) {
            result.putNull("logLoss");
            result.putNull("rmseBins");
            result.putNull("defaultLogLoss");
        } else {
            Evaluation.Metrics fitted = Evaluation.evaluate(fit.weights(), evaluated);
            result.put("logLoss", fitted.logLoss());
            result.put("rmseBins", fitted.rmseBins());
            result.put(
                    "defaultLogLoss",
                    Evaluation.evaluate(FsrsOptimizer.defaults(), evaluated).logLoss());
        }
        result.put("items", built.items().size());
        result.put("reviews", built.answersUsed());
        result.put(
                "fitted", fit.depth().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        out.println(result);
        out.flush();
        return 0;
    }

    private static int refuse(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 2;
    }
}
