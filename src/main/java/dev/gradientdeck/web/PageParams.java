package dev.gradientdeck.web;

import dev.gradientdeck.present.Paging;
import io.javalin.http.Context;

/**
 * Reads {@code ?page=} and {@code ?limit=} the same way on every paged list. A value that is not a whole number in range is
 * refused with a 400 naming it, rather than quietly shown as something else.
 */
public final class PageParams {
    private PageParams() {}

    /** The requested page and size, counted against {@code total}; {@code allowAll} lets API clients ask for {@code limit=all}. */
    public static Paging of(Context ctx, int total, int defaultLimit, int maxLimit, boolean allowAll) {
        int page = number(ctx, "page", 1, Integer.MAX_VALUE, 1, false);
        String limitWritten = ctx.queryParam("limit");
        int limit;
        if (allowAll && limitWritten != null && limitWritten.strip().equalsIgnoreCase("all")) limit = Paging.ALL;
        else limit = number(ctx, "limit", 1, maxLimit, defaultLimit, allowAll);
        return new Paging(page, limit, total);
    }

    private static int number(Context ctx, String name, int min, int max, int absent, boolean orAll) {
        String written = ctx.queryParam(name);
        if (written == null || written.isBlank()) return absent;
        try {
            int value = Integer.parseInt(written.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // answered below, with the same message as a number out of range
        }
        throw new BadRequest(name + " '" + written.strip() + "' must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max) + (orAll ? " (or all)" : ""));
    }
}
