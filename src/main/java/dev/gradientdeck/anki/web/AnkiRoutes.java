package dev.gradientdeck.anki.web;

import dev.gradientdeck.anki.apply.AnkiImport;
import dev.gradientdeck.anki.apply.AnkiReport;
import dev.gradientdeck.anki.apply.AnkiRepository.StoredImport;
import dev.gradientdeck.anki.export.AnkiExport;
import dev.gradientdeck.anki.pkg.MalformedPackage;
import dev.gradientdeck.cards.CardViews;
import dev.gradientdeck.web.BadRequest;
import dev.gradientdeck.web.PathId;
import dev.gradientdeck.web.WebServer;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Coming from Anki and going back: the package upload (API and the import page's form), undoing an import, the export, and
 * the deck's media files that imported cards show.
 */
public final class AnkiRoutes implements WebServer.Routes, CardViews.ImportSections {
    private static final int SHOWN_IMPORTS = 5;

    private final AnkiImport imports;
    private final AnkiExport export;
    private final Path mediaDir;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public AnkiRoutes(AnkiImport imports, AnkiExport export, Path deckFolder) {
        this.imports = imports;
        this.export = export;
        this.mediaDir = deckFolder.resolve("media").toAbsolutePath().normalize();
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/import/anki", this::apiImport);
        app.get("/api/import/anki", this::apiList);
        app.post("/import/anki", this::formImport);
        app.post("/import/anki/{id}/undo", this::undo);
        app.get("/export.apkg", this::exportPackage);
        app.get("/media/{name}", this::media);
    }

    // ---- import ----

    private StoredImport importUpload(Context ctx) throws IOException {
        try (Upload upload = Upload.read(ctx, imports.limits().maxPackageBytes(), "package.apkg")) {
            return imports.run(upload.file(), upload.name());
        } catch (MalformedPackage e) {
            throw new BadRequest(e.getMessage() + ". Nothing was imported.");
        }
    }

    private void apiImport(Context ctx) throws IOException {
        ctx.json(importUpload(ctx).report());
    }

    /** Every import, newest first, with its report: what a client needs to show or undo one. */
    public record ApiImport(long id, String fileName, Instant importedAt, Instant undoneAt, AnkiReport report) {}

    private void apiList(Context ctx) {
        ctx.json(imports.recent(100).stream()
                .map(i -> new ApiImport(
                        i.id(), i.fileName(), i.importedAt(), i.undoneAt().orElse(null), i.report()))
                .toList());
    }

    private void formImport(Context ctx) throws IOException {
        StoredImport done = importUpload(ctx);
        ctx.redirect("/import?anki=" + done.id() + "#anki-" + done.id(), HttpStatus.SEE_OTHER);
    }

    private void undo(Context ctx) throws IOException {
        long id = PathId.of(ctx, "import");
        try {
            imports.undo(id);
        } catch (AnkiImport.UndoRefused e) {
            throw new BadRequest(e.getMessage());
        }
        ctx.redirect("/import?anki=" + id + "#anki-" + id, HttpStatus.SEE_OTHER);
    }

    /** The import page's Anki section: the form, and the latest imports with their reports. */
    @Override
    public List<Content> of(Context ctx) {
        List<StoredImport> recent = imports.recent(SHOWN_IMPORTS);
        Long highlighted = null;
        String asked = ctx.queryParam("anki");
        if ("latest".equals(asked) && !recent.isEmpty())
            highlighted = recent.get(0).id();
        else if (asked != null && asked.matches("\\d{1,18}")) highlighted = Long.parseLong(asked);
        AnkiPages.Section section =
                new AnkiPages.Section(recent, highlighted, imports.limits().maxPackageBytes() / (1024 * 1024));
        return List.of(output -> templates.render("anki-import.jte", Map.of("section", section), output));
    }

    // ---- export ----

    private void exportPackage(Context ctx) throws IOException {
        Path file = Files.createTempFile("gd-export", ".apkg");
        try {
            export.write(file);
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", "attachment; filename=\"gradient-deck.apkg\"");
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = ctx.outputStream()) {
                in.transferTo(out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ---- media ----

    private void media(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        Path file = mediaDir.resolve(name).normalize();
        if (name.startsWith(".") || !file.getParent().equals(mediaDir) || !Files.isRegularFile(file)) {
            throw new NotFoundResponse("There is no media file " + name + " in the deck's media folder.");
        }
        String type = URLConnection.guessContentTypeFromName(name);
        boolean shown =
                type != null && (type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/"));
        ctx.contentType(shown ? type : "application/octet-stream");
        if (!shown) ctx.header("Content-Disposition", "attachment");
        ctx.header("Cache-Control", "private, max-age=3600");
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = ctx.outputStream()) {
            in.transferTo(out);
        }
    }

    // ---- upload ----

    /**
     * A package upload, streamed to a temporary file and never held in the heap: the raw body ({@code application/octet-stream})
     * or the multipart field {@code file}, which Jetty spools to disk itself. Past the limit it is a 413, counted as the bytes
     * arrive (a chunked body states no length).
     */
    private record Upload(Path file, String name) implements AutoCloseable {
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
                String name = type.startsWith("multipart/form-data")
                        ? fromMultipart(ctx, file, limit, fallbackName)
                        : fromBody(ctx, file, limit, fallbackName);
                if (Files.size(file) == 0)
                    throw new BadRequest("The upload is empty: send the bytes of an .apkg or .colpkg file.");
                return new Upload(file, name);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }

        private static String fromBody(Context ctx, Path file, long limit, String fallbackName) throws IOException {
            try (InputStream in = ctx.req().getInputStream();
                    OutputStream out = Files.newOutputStream(file)) {
                copy(in, out, limit);
            }
            return name(ctx.queryParam("name"), fallbackName);
        }

        private static String fromMultipart(Context ctx, Path file, long limit, String fallbackName)
                throws IOException {
            ctx.req()
                    .setAttribute(
                            MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                            new MultipartConfigElement(
                                    System.getProperty("java.io.tmpdir"), limit, limit + FRAMING, IN_MEMORY));
            Part part;
            try {
                part = ctx.req().getPart("file");
            } catch (IllegalStateException e) {
                // Jetty reports a part or a request over the limits as an IllegalStateException saying what "exceeds"
                // them.
                if (String.valueOf(e.getMessage()).contains("exceeds"))
                    throw tooLarge(ctx.req().getContentLengthLong(), limit);
                throw new BadRequest("The upload could not be read as multipart/form-data: " + e.getMessage());
            } catch (ServletException e) {
                throw new BadRequest("The upload could not be read as multipart/form-data: " + e.getMessage());
            }
            if (part == null)
                throw new BadRequest("The upload has no field 'file': send the package as the multipart field 'file'.");
            try (InputStream in = part.getInputStream();
                    OutputStream out = Files.newOutputStream(file)) {
                copy(in, out, limit);
            }
            return name(
                    ctx.queryParam("name") != null ? ctx.queryParam("name") : part.getSubmittedFileName(),
                    fallbackName);
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
            name = name.substring(name.lastIndexOf('/') + 1)
                    .replaceAll("\\p{Cntrl}", "")
                    .strip();
            if (name.length() > 200) name = name.substring(0, 200);
            return name.isEmpty() ? fallback : name;
        }

        static HttpResponseException tooLarge(long length, long limit) {
            String size = length > 0 ? String.format(Locale.ROOT, " (%.1f MB)", length / (1024.0 * 1024)) : "";
            return new HttpResponseException(
                    HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "The package is too large" + size + ": the limit is " + limit / (1024 * 1024)
                            + " MB. Nothing was imported.");
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
