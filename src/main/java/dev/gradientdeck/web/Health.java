package dev.gradientdeck.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * GET /api/health for monitoring: the app's version, how many cards it serves and whether it is watching the deck folder.
 * The count is the one the last deck sync left in memory, so a health check never waits on the database and measures the
 * web stack alone (the benchmark's ceiling).
 */
public final class Health implements WebServer.Routes {
    private final String version;
    private final IntSupplier cards;
    private final BooleanSupplier watching;

    public Health(String version, IntSupplier cards, BooleanSupplier watching) {
        this.version = version;
        this.cards = cards;
        this.watching = watching;
    }

    public record Status(String status, String version, int cards, boolean watching) {}

    @Override
    public void register(Javalin app) {
        app.get("/api/health", this::answer);
    }

    private void answer(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(new Status("ok", version, cards.getAsInt(), watching.getAsBoolean()));
    }
}
