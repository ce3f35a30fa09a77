package dev.gradientdeck.anki.web;

import dev.gradientdeck.web.BadRequest;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A package upload, streamed to a temporary file and never held in the heap: the raw body ({@code application/octet-stream})
 * or the multipart field {@code file}, which Jetty spools to disk itself. Past the limit it is a 413, counted as the bytes
 * arrive (a chunked body states no length).
 */
record Upload(Path file, String name) implements AutoCloseable {
    /** The multipart framing around the file. */
    private static final long FRAMING = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones go to a temporary file Jetty deletes after the request. */
    private static final int IN_MEMORY = 1 << 20;

    static Upload read(Context ctx, long limit, String fallbackName) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length > limit + FRAMING) throw tooLarge(length, limit);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        Path file = Files.createTempFile("gd-anki-upload", ".zip");
        try {
            String name = type.startsWith("multipart/form-data") ? fromMultipart(ctx, file, limit, fallbackName) : fromBody(ctx, file, limit, fallbackName);
            if (Files.size(file) == 0) throw new BadRequest("The upload is empty: send the bytes of an .apkg or .colpkg file.");
            return new Upload(file, name);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static String fromBody(Context ctx, Path file, long limit, String fallbackName) throws IOException {
        try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            copy(in, out, limit);
        }
        return name(ctx.queryParam("name"), fallbackName);
    }

    private static String fromMultipart(Context ctx, Path file, long limit, String fallbackName) throws IOException {
        ctx.req().setAttribute(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                new MultipartConfigElement(System.getProperty("java.io.tmpdir"), limit, limit + FRAMING, IN_MEMORY));
        Part part;
        try {
            part = ctx.req().getPart("file");
        } catch (IllegalStateException e) {
            // Jetty reports a part or a request over the limits as an IllegalStateException saying what "exceeds" them.
            if (String.valueOf(e.getMessage()).contains("exceeds")) throw tooLarge(ctx.req().getContentLengthLong(), limit);
            throw new BadRequest("The upload could not be read as multipart/form-data: " + e.getMessage());
        } catch (ServletException e) {
            throw new BadRequest("The upload could not be read as multipart/form-data: " + e.getMessage());
        }
        if (part == null) throw new BadRequest("The upload has no field 'file': send the package as the multipart field 'file'.");
        try (InputStream in = part.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            copy(in, out, limit);
        }
        return name(ctx.queryParam("name") != null ? ctx.queryParam("name") : part.getSubmittedFileName(), fallbackName);
    }

    private static void copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) throw tooLarge(-1, limit);
            out.write(buffer, 0, n);
        }
    }

    /** The file name as the report shows it: the last path part, printable, at most 200 characters. */
    private static String name(String given, String fallback) {
        if (given == null || given.isBlank()) return fallback;
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 200) name = name.substring(0, 200);
        return name.isEmpty() ? fallback : name;
    }

    static HttpResponseException tooLarge(long length, long limit) {
        String size = length > 0 ? String.format(Locale.ROOT, " (%.1f MB)", length / (1024.0 * 1024)) : "";
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "The package is too large" + size + ": the limit is "
                + limit / (1024 * 1024) + " MB. Nothing was imported.");
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
