package dev.gradientdeck.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Set;

/** Refuses state-changing requests that another site's page sent: the browser tells us through Sec-Fetch-Site and Origin. */
final class SameOrigin {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private SameOrigin() {}

    static void refuseCrossSiteWrites(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name())) return;
        // Browsers that send Sec-Fetch-Site say exactly where the request came from; trust it when present.
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            if (fetchSite.equals("same-origin") || fetchSite.equals("none")) return;
            throw new ForbiddenResponse("Refused: this request came from another site (" + fetchSite + ").");
        }
        String origin = ctx.header("Origin");
        if (origin == null) return; // not a browser: curl and scripts on this machine
        if (origin.equals("null")) throw new ForbiddenResponse("Refused: this request came from an opaque origin.");
        if (!sameOrigin(origin, ctx))
            throw new ForbiddenResponse("Refused: this request came from " + origin + ", not from this app.");
    }

    private static boolean sameOrigin(String origin, Context ctx) {
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
