package dev.gradientdeck.settings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The SQL of the learner's settings: the fields set in the app, by name, as text. */
public final class SettingsRepository {
    private final Jdbi jdbi;

    public SettingsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Map<String, String> stored() {
        return jdbi.withHandle(h -> {
            Map<String, String> values = new LinkedHashMap<>();
            h.createQuery("SELECT name, value FROM learner_settings ORDER BY name")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> values.put(e.getKey(), e.getValue()));
            return values;
        });
    }

    /** Writes the given fields and forgets the cleared ones (they fall back to the command line's defaults), in one go. */
    public void save(Map<String, String> values, Set<String> cleared, Instant at) {
        jdbi.useTransaction(h -> {
            if (!values.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("""
                        INSERT INTO learner_settings (name, value, changed_at) VALUES (:name, :value, :at)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at""");
                values.forEach((name, value) -> batch.bind("name", name)
                        .bind("value", value)
                        .bind("at", at.toString())
                        .add());
                batch.execute();
            }
            for (String name : cleared) h.execute("DELETE FROM learner_settings WHERE name = ?", name);
        });
    }
}
