package dev.gradientdeck.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gradientdeck.settings.LearnerSettings.Change;
import dev.gradientdeck.settings.LearnerSettings.Field;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.WebServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings page and {@code GET}/{@code PUT /api/settings}: one store behind both. */
public final class SettingsRoutes implements WebServer.Routes {
    private final SettingsStore store;

    public SettingsRoutes(SettingsStore store) {
        this.store = store;
    }

    @Override
    public void register(Javalin app) {
        app.get("/settings", this::page);
        app.post("/settings", this::saveFromPage);
        app.get("/api/settings", this::get);
        app.put("/api/settings", this::put);
    }

    // ---- page ----

    /** The form as shown: the values in its fields (the learner's own after a refusal) and what was wrong with them. */
    public record Form(
            Map<Field, String> values,
            Map<Field, String> problems,
            LearnerSettings defaults,
            java.util.Set<Field> setInApp,
            boolean saved,
            List<String> zones) {
        public String value(Field field) {
            return values.getOrDefault(field, "");
        }

        public String problem(Field field) {
            return problems.getOrDefault(field, "");
        }

        public boolean on(Field field) {
            return "true".equals(values.get(field)) || "on".equals(values.get(field));
        }

        /** Where the value comes from when the learner has not set it here: the command line's default. */
        public String fallback(Field field) {
            return defaults.asText().get(field);
        }
    }

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    private void page(Context ctx) {
        render(ctx, store.current().asText(), Map.of(), "1".equals(ctx.queryParam("saved")));
    }

    private void render(Context ctx, Map<Field, String> values, Map<Field, String> problems, boolean saved) {
        ctx.render(
                "settings.jte",
                Map.of("page", new Form(values, problems, store.defaults(), store.setInApp(), saved, ZONES)));
    }

    private void saveFromPage(Context ctx) {
        Map<Field, Optional<String>> changes = new LinkedHashMap<>();
        Map<Field, String> typed = new LinkedHashMap<>(store.current().asText());
        for (Field field : Field.values()) {
            // A checkbox sends nothing when unticked, so the form pairs each with a hidden "false" sent before it.
            List<String> sent = ctx.formParams(field.key());
            if (sent.isEmpty()) continue;
            String value = sent.get(sent.size() - 1);
            changes.put(field, Optional.of(value));
            typed.put(field, value);
        }
        Change change = store.update(changes);
        if (!change.ok()) {
            ctx.status(400);
            render(ctx, typed, change.problems(), false);
            return;
        }
        ctx.redirect("/settings?saved=1", HttpStatus.SEE_OTHER);
    }

    // ---- API ----

    private void get(Context ctx) {
        ctx.json(json(store.current()));
    }

    private void put(Context ctx) {
        JsonNode body = body(ctx);
        Map<Field, Optional<String>> changes = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        body.fields().forEachRemaining(entry -> {
            Optional<Field> field = Field.of(entry.getKey());
            if (field.isEmpty()) unknown.add(entry.getKey());
            else changes.put(field.get(), text(field.get(), entry.getValue()));
        });
        if (!unknown.isEmpty()) {
            throw new BadRequest(
                    "unknown setting(s): " + String.join(", ", unknown),
                    List.of("settings: " + String.join(", ", LearnerSettings.keys())));
        }
        Change change = store.update(changes);
        if (!change.ok()) {
            List<String> each = change.problems().entrySet().stream()
                    .map(e -> e.getKey().key() + ": " + e.getValue())
                    .toList();
            throw new BadRequest(each.get(0), each);
        }
        ctx.json(json(change.settings()));
    }

    /** A JSON value as the setting's text; null clears the setting back to the command line's default. */
    private static Optional<String> text(Field field, JsonNode value) {
        if (value.isNull()) return Optional.empty();
        boolean fits = field.yesNo() ? value.isBoolean() : field.numeric() ? value.isNumber() : value.isTextual();
        if (!fits) {
            String kind =
                    field.yesNo() ? "true or false" : field.numeric() ? "a number" : "a string like \"Europe/London\"";
            throw new BadRequest(field.key() + " must be " + kind + ", not " + value);
        }
        return Optional.of(value.asText());
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) throw new BadRequest("the request body is empty; send JSON like {\"dailyGoal\": 20}");
        try {
            JsonNode node = WebServer.json().readTree(text);
            if (node == null || !node.isObject())
                throw new BadRequest("the request body must be a JSON object like {\"dailyGoal\": 20}");
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The API's shape: each field with its JSON type. */
    public record ApiSettings(
            int dailyGoal,
            int newPerDay,
            int dayStartsAt,
            String zone,
            double desiredRetention,
            boolean fuzz,
            boolean paperPrompts) {}

    private static ApiSettings json(LearnerSettings s) {
        return new ApiSettings(
                s.dailyGoal(),
                s.newPerDay(),
                s.dayStartsAt(),
                s.zone().getId(),
                s.desiredRetention(),
                s.fuzz(),
                s.paperPrompts());
    }
}
