package dev.gradientdeck.descent.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every optimizer a spec can name, listed once: each optimizer's file declares its own entries, and
 * this joins them. A spec's checks, the what-if form and the pages all read names, settings and
 * defaults from here.
 */
public final class Catalog {
    private Catalog() {}

    /**
     * An optimizer as a spec names it.
     *
     * @param build the optimizer from its settings (given ones, defaults for the rest)
     */
    public record Entry(String name, String title, List<Setting> settings, Function<Values, Optimizer<?>> build) {

        public List<String> settingNames() {
            return settings.stream().map(Setting::name).toList();
        }

        public Optional<Setting> setting(String name) {
            return settings.stream().filter(s -> s.name().equals(name)).findFirst();
        }

        /** The optimizer with the given settings; absent ones take their defaults. */
        public Optimizer<?> of(Map<String, Object> given) {
            return build.apply(new Values(this, given));
        }
    }

    /** The settings given for an optimizer, falling back to the entry's defaults. */
    public record Values(Entry entry, Map<String, Object> given) {
        public double number(String name) {
            Object value = given.get(name);
            if (value == null) {
                value = entry.setting(name).orElseThrow().fallback();
            }
            if (value == null) {
                throw SpecException.at(
                        List.of("optimizer", name), "missing; " + entry.name() + " has no default " + name);
            }
            return (Double) value;
        }

        public boolean on(String name) {
            return Boolean.TRUE.equals(given.get(name));
        }
    }

    public static final List<Entry> ALL = Stream.of(Sgd.CATALOG, Adagrad.CATALOG, RmsProp.CATALOG, Adam.CATALOG)
            .flatMap(List::stream)
            .toList();

    public static final List<String> NAMES = ALL.stream().map(Entry::name).toList();

    public static Optional<Entry> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Shared settings, so each optimizer names them the same way. */
    static Setting lr(Double fallback) {
        return new Setting("lr", fallback, "\\eta", "Learning rate η");
    }

    static Setting weightDecay(double fallback) {
        return new Setting("weightDecay", fallback, "\\lambda", "Weight decay λ");
    }

    static Setting eps(double fallback) {
        return new Setting("eps", fallback, "\\epsilon", "ε");
    }

    static Setting momentum(double fallback) {
        return new Setting("momentum", fallback, "\\mu", "Momentum μ");
    }
}
