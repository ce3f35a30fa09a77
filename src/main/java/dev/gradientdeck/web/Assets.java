package dev.gradientdeck.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's own static files (stylesheet, scripts, icons) at URLs that name their content, {@code /assets/css/app.1a2b3c4d5e.css}:
 * a browser keeps them for a year without asking again, and a new version of a file gets a new URL. Templates ask
 * {@link #url} for every such link, so the fingerprint is made in one place. The files are small and few, so each is read
 * once, on its first use, and kept in memory.
 */
public final class Assets implements WebServer.Routes {
    static final String PREFIX = "/assets/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Map<String, Asset> BY_PATH = new ConcurrentHashMap<>();

    private record Asset(String fingerprinted, byte[] bytes, String contentType) {}

    /** The fingerprinted URL of a file under {@code static/}, e.g. {@code url("css/app.css")}. */
    public static String url(String path) {
        return PREFIX + asset(path).fingerprinted();
    }

    private static Asset asset(String path) {
        return BY_PATH.computeIfAbsent(path, Assets::load);
    }

    private static Asset load(String path) {
        try (InputStream in = Assets.class.getResourceAsStream("/static/" + path)) {
            if (in == null) throw new IllegalArgumentException("there is no static file " + path);
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 10);
            int dot = path.lastIndexOf('.');
            return new Asset(
                    path.substring(0, dot) + "." + hash + path.substring(dot),
                    bytes,
                    contentType(path.substring(dot + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String contentType(String extension) {
        return switch (extension) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            default -> "application/octet-stream";
        };
    }

    @Override
    public void register(Javalin app) {
        app.get(PREFIX + "<file>", this::serve);
    }

    /** Only the current fingerprint is served: a stale URL is a 404 rather than old content kept forever under a new name. */
    private void serve(Context ctx) {
        String requested = ctx.pathParam("file");
        int hashStart = requested.lastIndexOf('.', requested.lastIndexOf('.') - 1);
        if (hashStart < 0 || requested.contains(".."))
            throw new NotFoundResponse("There is no file at " + ctx.path() + ".");
        String path = requested.substring(0, hashStart) + requested.substring(requested.lastIndexOf('.'));
        Asset asset;
        try {
            asset = asset(path);
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse("There is no file at " + ctx.path() + ".");
        }
        if (!asset.fingerprinted().equals(requested))
            throw new NotFoundResponse("There is no file at " + ctx.path() + ".");
        ctx.header("Cache-Control", IMMUTABLE);
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }
}
