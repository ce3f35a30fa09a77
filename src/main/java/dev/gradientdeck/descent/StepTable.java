package dev.gradientdeck.descent;

import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.present.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A run as a plain-text table, for the {@code simulate} command: one row per step, numbers to 6
 * significant digits.
 */
public final class StepTable {
    private StepTable() {}

    public static String format(DescentRun run) {
        boolean batched = !run.steps().isEmpty() && run.steps().get(0).fullLoss() != null;
        List<String> header = new ArrayList<>(List.of("t"));
        header.addAll(run.params());
        header.add("loss");
        if (batched) {
            header.add("full loss");
        }
        run.params().forEach(name -> header.add("dL/d" + name));
        run.params().forEach(name -> header.add("new " + name));

        List<List<String>> rows = new ArrayList<>(List.of(header));
        for (Step step : run.steps()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(step.t())));
            step.paramsBefore().forEach(value -> row.add(compact(value)));
            row.add(compact(step.loss()));
            if (batched) {
                row.add(compact(step.fullLoss()));
            }
            step.gradient().forEach(value -> row.add(compact(value)));
            step.paramsAfter().forEach(value -> row.add(compact(value)));
            rows.add(row);
        }

        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                table.append(c == 0 ? "" : "  ")
                        .append(" ".repeat(widths[c] - row.get(c).length()))
                        .append(row.get(c));
            }
            table.append('\n');
        }
        table.append(
                run.diverged()
                        ? "diverged at step " + run.divergedAt() + ": a value stopped being finite\n"
                        : "completed " + run.steps().size() + " steps\n");
        return table.toString();
    }

    /** 6 significant digits without trailing zeros; scientific notation outside [1e-4, 1e7). */
    static String compact(double value) {
        return Numbers.compact(value);
    }
}
