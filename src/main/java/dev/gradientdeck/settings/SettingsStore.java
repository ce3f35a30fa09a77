package dev.gradientdeck.settings;

import dev.gradientdeck.settings.LearnerSettings.Change;
import dev.gradientdeck.settings.LearnerSettings.Field;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The one source of the learner's settings: the command line's values as defaults, overridden by whatever the learner set
 * in the app (kept in the database). Features ask it on every use, so a change takes effect on the next request; features
 * that must act on a change (the deck derives paper prompts again) listen for it.
 */
public final class SettingsStore implements LearnerSettings.Source {
    private final SettingsRepository repository;
    private final LearnerSettings defaults;
    private final Clock clock;
    private final List<Consumer<LearnerSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<Field, String> overrides;
    private volatile LearnerSettings current;

    public SettingsStore(SettingsRepository repository, LearnerSettings defaults, Clock clock) {
        this.repository = repository;
        this.defaults = defaults;
        this.clock = clock;
        load();
    }

    private void load() {
        Map<Field, String> stored = new EnumMap<>(Field.class);
        repository.stored().forEach((name, value) -> Field.of(name).ifPresent(f -> stored.put(f, value)));
        Change change = defaults.with(stored);
        if (!change.ok()) {
            // A value this version cannot read (written by hand, or by a newer version) is set aside, never fatal.
            LoggerFactory.getLogger(SettingsStore.class).warn("ignoring stored settings: {}", change.problems());
            change.problems().keySet().forEach(stored::remove);
            change = defaults.with(stored);
        }
        overrides = Map.copyOf(stored);
        current = change.settings();
    }

    @Override
    public LearnerSettings current() {
        return current;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The command line's values: what a field falls back to when the app does not set it. */
    public LearnerSettings defaults() {
        return defaults;
    }

    /** The fields set in the app (the rest come from the command line). */
    public Set<Field> setInApp() {
        Map<Field, String> known = overrides;
        return known.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(known.keySet());
    }

    /**
     * Sets some fields (a value) and clears others (empty: back to the command line's default). Nothing is stored unless
     * every field is good; the returned change names each bad one.
     */
    public synchronized Change update(Map<Field, Optional<String>> changes) {
        Map<Field, String> next = new LinkedHashMap<>(overrides);
        Set<String> cleared = new HashSet<>();
        Map<Field, String> given = new LinkedHashMap<>();
        changes.forEach((field, value) -> {
            if (value.isPresent()) {
                next.put(field, value.get());
                given.put(field, value.get());
            } else {
                next.remove(field);
                cleared.add(field.key());
            }
        });
        Change checked = current.with(given);
        if (!checked.ok()) return checked;
        Change change = defaults.with(next);
        if (!change.ok()) return change;
        Map<String, String> written = new LinkedHashMap<>();
        // Stored as the settings write them ("0.90" becomes "0.9"), so the page shows back what counts.
        Map<Field, String> canonical = change.settings().asText();
        given.keySet().forEach(field -> written.put(field.key(), canonical.get(field)));
        repository.save(written, cleared, clock.instant());
        LearnerSettings before = current;
        Map<Field, String> stored = new EnumMap<>(Field.class);
        next.keySet().forEach(field -> stored.put(field, canonical.get(field)));
        overrides = Map.copyOf(stored);
        current = change.settings();
        if (!before.equals(current)) listeners.forEach(listener -> listener.accept(current));
        return change;
    }

    /** Called after every change that alters the settings, on the thread that made it. */
    public void onChange(Consumer<LearnerSettings> listener) {
        listeners.add(listener);
    }
}
