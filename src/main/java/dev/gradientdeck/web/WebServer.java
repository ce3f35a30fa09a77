package dev.gradientdeck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.rendering.template.JavalinJte;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server: templates, static files, JSON, security headers, and one way of answering every error. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** A feature's handlers, registered in one place so its whole URL surface is visible at once. */
    public interface Routes {
        void register(Javalin app);
    }

    private WebServer() {}

    public static ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * Request threads. Jetty's default allows 250; on a machine with few cores more threads than this only wait on the same
     * cores and the one SQLite writer, while each keeps a stack and its own native allocations (glibc gives busy threads
     * arenas of their own), so the pool is small and fixed. Idle connections cost no thread.
     */
    static final int MAX_THREADS = 16;

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
        pool.setName("web");
        return pool;
    }

    public static Javalin create(List<Routes> features) {
        return create(features, new HostCheck(java.util.Set.of()));
    }

    public static Javalin create(List<Routes> features, HostCheck hosts) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.fileRenderer(new JavalinJte(TemplateEngine.createPrecompiled(ContentType.Html)));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.jsonMapper(new JavalinJackson(json(), false));
            config.http.maxRequestSize = 1_000_000L;
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new org.eclipse.jetty.servlet.FilterHolder(new BodyLimit()),
                    "/*",
                    java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
            config.jetty.threadPool = threadPool();
        });
        app.before(hosts::refuseForeignHosts);
        app.before(WebServer::securityHeaders);
        app.before(SameOrigin::refuseCrossSiteWrites);
        new Assets().register(app);
        features.forEach(f -> f.register(app));
        app.exception(
                HttpResponseException.class, (e, ctx) -> answerError(ctx, e.getStatus(), messageOf(e, ctx), List.of()));
        app.exception(BadRequest.class, (e, ctx) -> answerError(ctx, 400, e.getMessage(), e.details()));
        app.exception(ValidationException.class, (e, ctx) -> answerError(ctx, 400, invalid(e), List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            if (dev.gradientdeck.db.Database.isOverTimeLimit(e) || noConnectionFree(e)) {
                LOG.warn("{} {} took too long: {}", ctx.method(), ctx.path(), e.toString());
                ctx.header("Retry-After", "5");
                answerError(
                        ctx,
                        503,
                        "This took too long and was stopped; nothing was changed. Try again, or narrow it down.",
                        List.of());
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answerError(ctx, 500, "Something went wrong on our side; nothing you had stored was changed.", List.of());
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty())
                answerError(ctx, 404, "There is no page at " + ctx.path() + ".", List.of());
        });
        app.error(
                405, ctx -> answerError(ctx, 405, ctx.method() + " is not allowed on " + ctx.path() + ".", List.of()));
        return app;
    }

    /** Every database connection stayed busy for the pool's whole wait. */
    private static boolean noConnectionFree(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof java.sql.SQLTransientConnectionException) return true;
        return false;
    }

    /** Javalin's own words for an unmatched route name its internals; the learner gets the path instead. */
    private static String messageOf(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404 && e.getMessage().startsWith("Endpoint "))
            return "There is no page at " + ctx.path() + ".";
        if (e.getStatus() == 413 && e.getMessage().equals(HttpStatus.CONTENT_TOO_LARGE.getMessage())) {
            return "The request body is larger than 1 MB; nothing was stored.";
        }
        return e.getMessage();
    }

    /** A parameter that Javalin's validators refused, named with what it had to be and what was sent. */
    static String invalid(ValidationException e) {
        return e.getErrors().entrySet().stream()
                        .map(field -> {
                            ValidationError<?> error = field.getValue().get(0);
                            String rule = switch (error.getMessage()) {
                                case "TYPE_CONVERSION_FAILED" -> "is not a number";
                                case "NULLCHECK_FAILED" -> "is missing";
                                default -> error.getMessage();
                            };
                            return field.getKey() + " " + rule
                                    + (error.getValue() == null ? "" : " (sent '" + error.getValue() + "')");
                        })
                        .collect(Collectors.joining("; "))
                + ".";
    }

    private static void securityHeaders(Context ctx) {
        // KaTeX positions glyphs with inline style attributes, so styles allow 'unsafe-inline'; scripts never do.
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' https: data:; font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    public record ApiError(String error, List<String> details) {}

    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/")
                || ctx.path().equals("/api")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    public static void answerError(Context ctx, int status, String message, List<String> details) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            ctx.json(new ApiError(message, details));
        } else {
            String title = HttpStatus.forStatus(status).getMessage();
            ctx.render("error.jte", Map.of("page", new ErrorPage(status, title, message, details)));
        }
    }

    public record ErrorPage(int status, String title, String message, List<String> details) {}
}
