package dev.gradientdeck.descent.web;

import static dev.gradientdeck.descent.web.DescentPages.*;

import dev.gradientdeck.descent.engine.DataProblem.LineFit;
import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Expression;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.Simulation;
import dev.gradientdeck.descent.engine.Step;
import dev.gradientdeck.descent.exercise.Exercise;
import dev.gradientdeck.descent.plots.Landscape;
import dev.gradientdeck.descent.plots.LineFitPlot;
import dev.gradientdeck.descent.plots.Plots;
import dev.gradientdeck.present.Numbers;
import java.util.ArrayList;
import java.util.List;

/** The pictures of a run: where the parameters went, the loss per step and a line fit's data. */
final class Figures {
    private Figures() {}

    // ---- pictures ----

    /**
     * While predicting, the path and losses up to the current point (nothing the learner is about
     * to predict); once the steps are done, the whole run, with the what-if run beside it.
     */
    static List<Figure> of(Exercise ex, DescentRun whatIf) {
        DescentRun run = ex.run();
        Simulation sim = ex.simulation();
        int known = ex.done() ? run.steps().size() : ex.currentStep().orElseThrow();
        List<double[]> points = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int t = 1; t <= known; t++) {
            points.add(Step.unboxed(run.steps().get(t - 1).paramsBefore()));
            losses.add(ex.lossBefore(t));
        }
        if (ex.done()) {
            points.add(Step.unboxed(run.steps().get(run.steps().size() - 1).paramsAfter()));
        }
        Integer divergedAt = ex.done() ? run.divergedAt() : null;
        List<Plots.Path> paths = new ArrayList<>(List.of(new Plots.Path("this run", Plots.RUN, points, divergedAt)));
        List<Plots.Curve> curves = new ArrayList<>();
        boolean batched = run.steps().get(0).batch() != null;
        if (batched) {
            List<Double> batchLosses =
                    run.steps().subList(0, known).stream().map(Step::loss).toList();
            curves.add(new Plots.Curve("on the batch", Plots.RUN, batchLosses, null, true));
        }
        curves.add(new Plots.Curve(batched ? "on all the data" : "this run", Plots.RUN, losses, divergedAt, false));
        if (whatIf != null) {
            paths.add(new Plots.Path("what-if", Plots.WHAT_IF, pathOf(whatIf), whatIf.divergedAt()));
            curves.add(new Plots.Curve("what-if", Plots.WHAT_IF, fullLosses(whatIf), whatIf.divergedAt(), false));
        }

        List<Figure> figures = new ArrayList<>();
        Problem problem = sim.problem();
        if (problem instanceof LineFit fit) {
            figures.add(lineFigure(fit, ex, run, known, whatIf));
        }
        List<Plots.Marker> minima = minima(problem);
        boolean unknownMinimum = problem instanceof Expression;
        String pathCaption = whatIf == null ? "" : " The orange path is the what-if run.";
        if (problem.params().size() == 2) {
            figures.add(new Figure(
                    "Where the parameters went",
                    "Contour lines of the loss, darker where it is lower. The "
                            + "path starts at the hollow circle; each dot is one step."
                            + pathCaption,
                    Landscape.landscape(problem::loss, problem.params(), paths, minima, unknownMinimum)));
        } else if (problem.params().size() == 1) {
            figures.add(new Figure(
                    "Where the parameter went",
                    "The loss as a function of "
                            + problem.params().get(0)
                            + "; the dots are the points the run visited, joined in order, so overshooting shows as a zigzag."
                            + pathCaption,
                    Landscape.curve(problem::loss, problem.params().get(0), paths, minima, unknownMinimum)));
        }
        List<Double> finite = curves.stream()
                .filter(c -> !c.faint())
                .flatMap(c -> c.losses().stream())
                .filter(Double::isFinite)
                .toList();
        figures.add(new Figure(
                "Loss per step",
                "The loss at the start of each step"
                        + (Plots.logScale(finite) ? ", on a log scale because it spans decades" : "")
                        + (batched ? "; faint: the loss on each step's mini-batch, the one differentiated" : "")
                        + (ex.predictedSteps() > 0 && ex.done() ? ". Shaded: the steps you predicted." : "."),
                Plots.lossCurve(curves, ex.done() ? ex.predictedSteps() : 0, ex.done() ? 1 : ex.predictedSteps() + 1)));
        return figures;
    }

    static Figure lineFigure(LineFit fit, Exercise ex, DescentRun run, int known, DescentRun whatIf) {
        List<Plots.Line> lines = new ArrayList<>();
        double[] best = LineFitPlot.leastSquares(fit);
        if (best != null) {
            lines.add(new Plots.Line("least squares", "#868e96", best[0], best[1], 1, true));
        }
        Plots.Line current;
        if (ex.done()) {
            for (int t = 1; t <= ex.predictedSteps(); t++) {
                List<Double> after = run.steps().get(t - 1).paramsAfter();
                lines.add(new Plots.Line("", Plots.RUN, after.get(0), after.get(1), 0.25, false));
            }
            List<Double> last = run.steps().get(run.steps().size() - 1).paramsAfter();
            current = new Plots.Line(
                    "after " + run.steps().size() + " steps", Plots.RUN, last.get(0), last.get(1), 1, false);
        } else {
            for (int t = 1; t < known; t++) {
                List<Double> before = run.steps().get(t - 1).paramsBefore();
                lines.add(new Plots.Line("", Plots.RUN, before.get(0), before.get(1), 0.25, false));
            }
            List<Double> now = run.steps().get(known - 1).paramsBefore();
            current = new Plots.Line("line now", Plots.RUN, now.get(0), now.get(1), 1, false);
        }
        lines.add(current);
        if (whatIf != null) {
            List<Double> last = whatIf.steps().get(whatIf.steps().size() - 1).paramsAfter();
            lines.add(new Plots.Line("what-if", Plots.WHAT_IF, last.get(0), last.get(1), 1, false));
        }
        return new Figure(
                "The data and the line",
                "Faint lines: where the line was after each earlier step. Dashed red: "
                        + "the residuals of the line now, the gaps the loss squares.",
                LineFitPlot.lineFit(fit.x(), fit.y(), lines, current));
    }

    static List<double[]> pathOf(DescentRun run) {
        List<double[]> points = new ArrayList<>();
        run.steps().forEach(step -> points.add(Step.unboxed(step.paramsBefore())));
        points.add(Step.unboxed(run.steps().get(run.steps().size() - 1).paramsAfter()));
        return points;
    }

    static List<Double> fullLosses(DescentRun run) {
        return run.steps().stream()
                .map(s -> s.fullLoss() != null ? s.fullLoss() : s.loss())
                .toList();
    }

    /** The minima known in closed form, marked on landscapes. */
    static List<Plots.Marker> minima(Problem problem) {
        if (problem instanceof LineFit fit) {
            double[] best = LineFitPlot.leastSquares(fit);
            return best == null
                    ? List.of()
                    : List.of(new Plots.Marker(
                            "least squares (" + Numbers.compact(best[0]) + ", " + Numbers.compact(best[1]) + ")",
                            best));
        }
        if (problem instanceof Problem.Quadratic q) {
            return List.of(new Plots.Marker("minimum w = " + Numbers.compact(q.c()), new double[] {q.c()}));
        }
        if (problem instanceof Problem.Bowl) {
            return List.of(new Plots.Marker("minimum (0, 0)", new double[] {0, 0}));
        }
        if (problem instanceof Problem.Rosenbrock) {
            return List.of(new Plots.Marker("minimum (1, 1)", new double[] {1, 1}));
        }
        if (problem instanceof Problem.Himmelblau) {
            return List.of(
                    new Plots.Marker("minimum (3, 2)", new double[] {3, 2}),
                    new Plots.Marker("minimum", new double[] {-2.805118, 3.131313}),
                    new Plots.Marker("minimum", new double[] {-3.779310, -3.283186}),
                    new Plots.Marker("minimum", new double[] {3.584428, -1.848127}));
        }
        return List.of();
    }
}
