package dev.gradientdeck.descent.web;

import static dev.gradientdeck.descent.web.DescentPages.*;

import dev.gradientdeck.descent.engine.Catalog;
import dev.gradientdeck.descent.engine.DescentRun;
import dev.gradientdeck.descent.engine.Problem;
import dev.gradientdeck.descent.engine.Setting;
import dev.gradientdeck.descent.engine.Tex;
import dev.gradientdeck.descent.exercise.Exercise;
import dev.gradientdeck.descent.exercise.WhatIf;
import dev.gradientdeck.descent.explain.RunStory;
import dev.gradientdeck.descent.spec.RunCheck;
import dev.gradientdeck.descent.spec.ValidSpec;
import dev.gradientdeck.present.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The what-if form and the comparison of its run with the learner's. */
final class WhatIfViews {
    private WhatIfViews() {}

    // ---- what if ----

    /** A setting's label as the catalog words it. */
    static String settingLabel(String setting) {
        return Catalog.ALL.stream()
                .flatMap(entry -> entry.settings().stream())
                .filter(s -> s.name().equals(setting))
                .map(Setting::label)
                .findFirst()
                .orElse(setting);
    }

    static WhatIfView of(Exercise ex, Inputs in) {
        boolean submitted = in.whatIfForm() != null;
        Map<String, String> values = submitted ? in.whatIfForm() : WhatIf.values(ex.spec());
        Map<String, String> errors =
                submitted && in.whatIf() != null ? in.whatIf().errors() : Map.of();
        String chosen = values.getOrDefault("optimizer", ex.spec().optimizer().name());
        Map<String, String> defaults = WhatIf.optimizers().contains(chosen) ? WhatIf.defaults(chosen) : Map.of();
        List<Choice> choices = WhatIf.optimizers().stream()
                .map(name -> new Choice(name, Catalog.named(name).orElseThrow().title(), name.equals(chosen)))
                .toList();
        List<Input> settings = new ArrayList<>();
        for (String setting : WhatIf.SETTINGS) {
            settings.add(new Input(
                    setting,
                    settingLabel(setting),
                    values.getOrDefault(setting, ""),
                    defaults.containsKey(setting) ? "default " + defaults.get(setting) : "default",
                    errors.getOrDefault(setting, ""),
                    showFor(setting),
                    false));
        }
        List<Input> switches = new ArrayList<>();
        for (String setting : WhatIf.SWITCHES) {
            String value = values.getOrDefault(setting, "");
            switches.add(new Input(
                    setting,
                    setting.equals("centered") ? "centered" : "AMSGrad",
                    value,
                    "",
                    errors.getOrDefault(setting, ""),
                    showFor(setting),
                    List.of("on", "true").contains(value)));
        }
        List<Input> start = new ArrayList<>();
        for (String param : ex.run().params()) {
            String name = "start." + param;
            start.add(new Input(
                    name,
                    "start " + param,
                    values.getOrDefault(name, ""),
                    "",
                    errors.getOrDefault(name, ""),
                    "",
                    false));
        }
        Input steps = new Input(
                "steps",
                "Steps",
                values.getOrDefault("steps", ""),
                "1 to " + RunCheck.MAX_STEPS,
                errors.getOrDefault("steps", ""),
                "",
                false);
        String error = errors.getOrDefault(
                "",
                errors.containsKey("optimizer")
                        ? "optimizer: " + errors.get("optimizer")
                        : errors.isEmpty() ? "" : "Some values cannot run; see the fields marked below.");
        Table comparison = null;
        String verdict = "";
        if (in.whatIfRun() != null) {
            comparison = comparison(ex, in.whatIf().spec(), in.whatIfRun());
            verdict = verdict(ex, in.whatIf().spec(), in.whatIfRun());
        }
        return new WhatIfView(choices, settings, switches, start, steps, error, submitted, comparison, verdict);
    }

    static String showFor(String setting) {
        return WhatIf.optimizersWith(setting).stream()
                .map(name -> "for-" + name)
                .collect(Collectors.joining(" "));
    }

    static Table comparison(Exercise ex, ValidSpec spec, DescentRun whatIf) {
        DescentRun run = ex.run();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "Optimizer",
                DescentPages.optimizer(ex.simulation().optimizer()),
                DescentPages.optimizer(spec.simulation().optimizer())));
        rows.add(List.of(
                "Start",
                tex(Tex.values(run.steps().get(0).paramsBefore())),
                tex(Tex.values(whatIf.steps().get(0).paramsBefore()))));
        rows.add(List.of(
                "Steps",
                String.valueOf(ex.spec().steps()),
                String.valueOf(spec.spec().steps())));
        rows.add(List.of("Outcome", outcome(run), outcome(whatIf)));
        rows.add(List.of(
                "Final loss",
                finalLoss(ex.simulation().problem(), run),
                finalLoss(spec.simulation().problem(), whatIf)));
        rows.add(List.of("Final point", finalPoint(run), finalPoint(whatIf)));
        return new Table(List.of("", "this run", "what-if"), rows, List.of());
    }

    static String outcome(DescentRun run) {
        return run.diverged() ? "diverged at step " + run.divergedAt() : "completed";
    }

    static String finalLoss(Problem problem, DescentRun run) {
        if (run.diverged()) {
            return "—";
        }
        return tex(Tex.n(problem.loss(run.steps().get(run.steps().size() - 1).after())));
    }

    static String finalPoint(DescentRun run) {
        return run.diverged()
                ? "—"
                : tex(Tex.values(run.steps().get(run.steps().size() - 1).paramsAfter()));
    }

    /**
     * What the what-if run did, true for that run (see {@link RunStory}), and how its end compares
     * with this run's.
     */
    static String verdict(Exercise ex, ValidSpec spec, DescentRun whatIf) {
        String story = RunStory.of(whatIf, spec.simulation().problem(), "the what-if run")
                .sentence();
        if (whatIf.diverged() || ex.run().diverged()) {
            return story;
        }
        double end = spec.simulation()
                .problem()
                .loss(whatIf.steps().get(whatIf.steps().size() - 1).after());
        double original = ex.lossAfter(ex.run().steps().size());
        if (end == original) {
            return story;
        }
        return story
                + " It ends "
                + (end < original ? "lower" : "higher")
                + " than this run ("
                + Numbers.compact(end)
                + " against "
                + Numbers.compact(original)
                + ").";
    }
}
