package dev.gradientdeck.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** The numeric id in a URL like /cards/{id}: anything else names nothing there, so it is a 404 that says so. */
public final class PathId {
    private PathId() {}

    /** {@code what} is the learner's word for the thing: "card", "paper", "practice attempt". */
    public static long of(Context ctx, String what) {
        return ctx.pathParamAsClass("id", Long.class)
                .getOrThrow(errors -> new NotFoundResponse(
                        "There is no " + what + " '" + ctx.pathParam("id") + "': " + what + " ids are numbers."));
    }
}
