package dev.gradientdeck.descent;

import dev.gradientdeck.descent.DescentSpec.OptimizerSpec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
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
    public static final List<String> SETTINGS =
            List.of(
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
    public record Outcome(DescentSpec spec, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Outcome apply(DescentSpec base, Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.getOrDefault("optimizer", "").strip();
        if (!Simulation.OPTIMIZERS.contains(name)) {
            errors.put("optimizer", "choose one of " + String.join(", ", Simulation.OPTIMIZERS));
            return new Outcome(null, errors);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String setting : Simulation.SETTINGS.get(name)) {
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
        OptimizerSpec optimizer =
                new OptimizerSpec(
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
        DescentSpec changed =
                new DescentSpec(
                        base.problem(),
                        base.loss(),
                        base.data(),
                        base.constants(),
                        base.expression(),
                        start,
                        optimizer,
                        steps,
                        base.batches(),
                        base.batchSize(),
                        base.seed(),
                        null,
                        base.tolerance(),
                        null);
        try {
            Simulation.of(changed);
        } catch (SpecException e) {
            errors.put(field(e), e.getMessage());
            return new Outcome(null, errors);
        }
        return new Outcome(changed, errors);
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

    /**
     * Torch's default of each setting of an optimizer, as the engine builds it (read from its
     * optimizer record, so the form can never show a default the run would not use); SGD's lr has
     * none.
     */
    public static Map<String, String> defaults(String optimizer) {
        boolean lrRequired = List.of("sgd", "momentum", "nesterov").contains(optimizer);
        Optimizer<?> built =
                Simulation.optimizer(
                        new OptimizerSpec(
                                optimizer,
                                lrRequired ? 1.0 : null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
        Map<String, String> defaults = new LinkedHashMap<>();
        for (RecordComponent component : built.getClass().getRecordComponents()) {
            String setting = component.getName();
            if (!Simulation.SETTINGS.get(optimizer).contains(setting)
                    || (lrRequired && setting.equals("lr"))) {
                continue;
            }
            try {
                defaults.put(setting, plain(component.getAccessor().invoke(built)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("optimizer records are public: " + component, e);
            }
        }
        return defaults;
    }

    /** Which optimizers have a setting, for the form to show only the settings that apply. */
    public static List<String> optimizersWith(String setting) {
        return Simulation.OPTIMIZERS.stream()
                .filter(name -> Simulation.SETTINGS.get(name).contains(setting))
                .toList();
    }

    public static List<String> optimizers() {
        return Simulation.OPTIMIZERS;
    }

    private static java.util.Optional<Double> number(
            String typed, String field, Map<String, String> errors) {
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
    static String plain(Object value) {
        if (value instanceof Double number) {
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return String.valueOf(number.longValue());
            }
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
