package dev.gradientdeck.descent.exercise;

import dev.gradientdeck.descent.engine.Catalog;
import dev.gradientdeck.descent.engine.Setting;
import dev.gradientdeck.descent.engine.SpecException;
import dev.gradientdeck.descent.spec.DescentSpec;
import dev.gradientdeck.descent.spec.DescentSpec.OptimizerSpec;
import dev.gradientdeck.descent.spec.SpecCheck;
import dev.gradientdeck.descent.spec.ValidSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The what-if form: after the reveal the learner changes the optimizer, its settings, the start or
 * the number of steps and runs the problem again beside the original run. Values arrive as typed;
 * every mistake is reported against its form field, in the words of the spec's own checks.
 *
 * <p>Form fields: {@code optimizer}; one per numeric setting ({@code lr}, {@code momentum}, ...;
 * blank means torch's default); {@code centered} and {@code amsgrad} as checkboxes; {@code
 * start.<parameter>} and {@code steps} (blank means the run's own value).
 */
public final class WhatIf {
    /** Numeric settings, in the order the form shows them. */
    public static final List<String> SETTINGS = List.of(
            "lr",
            "momentum",
            "dampening",
            "alpha",
            "beta1",
            "beta2",
            "eps",
            "weightDecay",
            "lrDecay",
            "initialAccumulatorValue");

    public static final List<String> SWITCHES = List.of("centered", "amsgrad");

    private WhatIf() {}

    /** The changed spec, or the form's errors by field ("" for the form as a whole). */
    public record Outcome(ValidSpec spec, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Outcome apply(DescentSpec base, Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.getOrDefault("optimizer", "").strip();
        if (!Catalog.NAMES.contains(name)) {
            errors.put("optimizer", "choose one of " + String.join(", ", Catalog.NAMES));
            return new Outcome(null, errors);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String setting : Catalog.named(name).orElseThrow().settingNames()) {
            if (SWITCHES.contains(setting)) {
                settings.put(setting, isOn(form.get(setting)));
                continue;
            }
            String typed = form.getOrDefault(setting, "").strip();
            if (!typed.isEmpty()) {
                number(typed, setting, errors).ifPresent(value -> settings.put(setting, value));
            }
        }
        Map<String, Double> start = new LinkedHashMap<>(base.start());
        for (String param : base.start().keySet()) {
            String typed = form.getOrDefault("start." + param, "").strip();
            if (!typed.isEmpty()) {
                number(typed, "start." + param, errors).ifPresent(value -> start.put(param, value));
            }
        }
        Integer steps = base.steps();
        String typedSteps = form.getOrDefault("steps", "").strip();
        if (!typedSteps.isEmpty()) {
            try {
                steps = Integer.valueOf(typedSteps);
            } catch (NumberFormatException e) {
                errors.put("steps", "'" + typedSteps + "' is not a whole number of steps");
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        OptimizerSpec optimizer = new OptimizerSpec(
                name,
                (Double) settings.get("lr"),
                (Double) settings.get("momentum"),
                (Double) settings.get("dampening"),
                (Double) settings.get("weightDecay"),
                (Double) settings.get("lrDecay"),
                (Double) settings.get("initialAccumulatorValue"),
                (Double) settings.get("eps"),
                (Double) settings.get("alpha"),
                (Boolean) settings.get("centered"),
                (Double) settings.get("beta1"),
                (Double) settings.get("beta2"),
                (Boolean) settings.get("amsgrad"));
        // Nothing is predicted on a what-if run, and its values are the ones typed, not drawn.
        DescentSpec changed = base.withRun(optimizer, start, steps);
        try {
            return new Outcome(SpecCheck.of(changed), errors);
        } catch (SpecException e) {
            errors.put(field(e), e.getMessage());
            return new Outcome(null, errors);
        }
    }

    /**
     * The form's values for a spec: what the run used, with settings left to their defaults blank.
     */
    public static Map<String, String> values(DescentSpec spec) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("optimizer", spec.optimizer().name());
        spec.optimizer().settings().forEach((setting, value) -> values.put(setting, plain(value)));
        spec.start().forEach((param, value) -> values.put("start." + param, plain(value)));
        values.put("steps", String.valueOf(spec.steps()));
        return values;
    }

    /** Torch's default of each setting of an optimizer, from the catalog; SGD's lr has none. */
    public static Map<String, String> defaults(String optimizer) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Setting setting : Catalog.named(optimizer).orElseThrow().settings()) {
            if (!setting.required()) {
                defaults.put(setting.name(), plain(setting.fallback()));
            }
        }
        return defaults;
    }

    /** Which optimizers have a setting, for the form to show only the settings that apply. */
    public static List<String> optimizersWith(String setting) {
        return Catalog.ALL.stream()
                .filter(entry -> entry.settingNames().contains(setting))
                .map(Catalog.Entry::name)
                .toList();
    }

    public static List<String> optimizers() {
        return Catalog.NAMES;
    }

    private static java.util.Optional<Double> number(String typed, String field, Map<String, String> errors) {
        try {
            return java.util.Optional.of(Exercise.number(typed));
        } catch (IllegalArgumentException e) {
            errors.put(field, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static boolean isOn(String checkbox) {
        return checkbox != null
                && List.of("on", "true", "1").contains(checkbox.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The form field of a spec error: a setting by its name, a start value as start.w, else the
     * form as a whole.
     */
    private static String field(SpecException e) {
        List<Object> path = e.path();
        if (path.size() >= 2 && path.get(0).equals("optimizer")) {
            return path.get(1).toString();
        }
        if (path.size() >= 2 && path.get(0).equals("start")) {
            return "start." + path.get(1);
        }
        if (!path.isEmpty() && path.get(0).equals("steps")) {
            return "steps";
        }
        return "";
    }

    /** A value as the form shows it: 0.01, not 1.0E-2; whole numbers without ".0". */
    public static String plain(Object value) {
        if (value instanceof Double number) {
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return String.valueOf(number.longValue());
            }
            return new java.math.BigDecimal(number.toString())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }
}
