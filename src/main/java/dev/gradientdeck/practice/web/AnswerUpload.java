package dev.gradientdeck.practice.web;

import dev.gradientdeck.practice.Practice;
import dev.gradientdeck.practice.speech.WavAudio;
import dev.gradientdeck.present.Numbers;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An answer as uploaded to {@code POST /api/practice/attempts}: multipart with cardId, either audio
 * (a WAV file) or text, and an optional interviewId. The audio goes to a temporary file as it
 * arrives and is never held whole in memory; whoever takes the upload owns that file.
 */
public record AnswerUpload(long cardId, Optional<Path> audio, Optional<String> text, Optional<Long> interviewId) {

    /** The recording plus its small fields and the multipart framing around them. */
    static final long MAX_UPLOAD_BYTES = WavAudio.MAX_BYTES + 64 * 1024;

    /** Parts up to this size stay in memory; larger ones stream to a temporary file. */
    private static final int IN_MEMORY_BYTES = 256 * 1024;

    /** A typed answer at its longest, in UTF-8's widest case. */
    private static final int MAX_FIELD_BYTES = 4 * Practice.MAX_TEXT_CHARS;

    /**
     * Past this much, an oversized body is not read to the end before answering: the connection is
     * closed instead.
     */
    private static final long MAX_DRAIN_BYTES = 4 * MAX_UPLOAD_BYTES;

    private static final Set<String> FIELDS = Set.of("cardId", "audio", "text", "interviewId");

    /**
     * Reads an answer upload. The 20 MB allowance is this route's alone: it is given to this
     * request's multipart parser, while every other request body keeps the server's 1 MB limit.
     */
    public static AnswerUpload read(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new BadRequest(
                    "Send the answer as multipart/form-data with cardId and either audio (a WAV file) or text"
                            + (type == null ? "." : ", not as " + type + "."));
        }
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_UPLOAD_BYTES) {
            throw tooLarge(ctx, length);
        }
        ctx.req()
                .setAttribute(
                        MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE,
                        new MultipartConfigElement(
                                System.getProperty("java.io.tmpdir"),
                                WavAudio.MAX_BYTES,
                                MAX_UPLOAD_BYTES,
                                IN_MEMORY_BYTES));
        Map<String, Part> parts = new LinkedHashMap<>();
        try {
            for (Part part : ctx.req().getParts()) {
                parts.putIfAbsent(part.getName(), part);
            }
        } catch (IllegalStateException e) {
            // Jetty reports a part or a request over these limits as an IllegalStateException
            // saying what "exceeds" them.
            if (String.valueOf(e.getMessage()).contains("exceeds")) {
                throw tooLarge(ctx, length);
            }
            throw new BadRequest("The upload could not be read as multipart/form-data: " + e.getMessage());
        } catch (IOException | ServletException e) {
            throw new BadRequest("The upload could not be read as multipart/form-data: " + e.getMessage());
        }
        List<String> unknown =
                parts.keySet().stream().filter(name -> !FIELDS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new BadRequest(
                    "Unknown field(s): " + String.join(", ", unknown) + ".",
                    List.of("the fields are cardId, either audio (a WAV file) or text, and optionally interviewId"));
        }
        long cardId = number(
                text(parts.get("cardId"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .orElseThrow(() -> new BadRequest("cardId is missing: say which card this answer is for.")),
                "cardId");
        Optional<Long> interviewId = text(parts.get("interviewId"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(raw -> number(raw, "interviewId"));
        Part audio = parts.get("audio");
        Optional<String> text = text(parts.get("text"));
        if (audio != null && text.isPresent()) {
            throw new BadRequest("Send the answer as audio or as text, not both.");
        }
        if (audio == null && text.isEmpty()) {
            throw new BadRequest("The answer is missing: send audio (a WAV file) or text.");
        }
        return new AnswerUpload(
                cardId, audio == null ? Optional.empty() : Optional.of(toFile(audio)), text, interviewId);
    }

    /** Deletes the uploaded audio when it was not taken. */
    public void discard() {
        audio.ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // It sits in the temporary folder, which the system clears.
            }
        });
    }

    static long number(String raw, String name) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, not '" + raw + "'");
        }
    }

    /**
     * The rest of the body is read and dropped before answering: a client still sending would
     * otherwise see the connection closed under it instead of this message. Bodies far over the
     * limit are not worth reading; for those the connection is closed.
     */
    private static HttpResponseException tooLarge(Context ctx, long length) {
        if (length <= MAX_DRAIN_BYTES) {
            try (InputStream rest = ctx.req().getInputStream()) {
                byte[] buffer = new byte[1 << 16];
                long left = MAX_DRAIN_BYTES;
                for (int n = 0; n >= 0 && left > 0; n = rest.read(buffer, 0, (int) Math.min(buffer.length, left))) {
                    left -= n;
                }
            } catch (IOException | IllegalStateException ignored) {
                // Read as far as it could be; the answer below still goes out.
            }
        }
        String size = length > 0 ? " (" + Numbers.oneDecimal(length / (1024.0 * 1024)) + " MB)" : "";
        return new HttpResponseException(
                HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "The recording is too large"
                        + size
                        + ": the limit is "
                        + WavAudio.MAX_BYTES / (1024 * 1024)
                        + " MB, about 10 minutes of 16 kHz mono WAV.");
    }

    private static Optional<String> text(Part part) {
        if (part == null) {
            return Optional.empty();
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new BadRequest("The field "
                        + part.getName()
                        + " is too long: a typed answer keeps at most "
                        + Practice.MAX_TEXT_CHARS
                        + " characters.");
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadRequest("The field " + part.getName() + " could not be read: " + e.getMessage());
        }
    }

    /** Streams the part to a temporary file of its own, a block at a time. */
    private static Path toFile(Part part) {
        Path file;
        try {
            file = Files.createTempFile("answer-", ".wav");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file for the upload", e);
        }
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new BadRequest("The audio could not be read: " + e.getMessage());
        }
    }
}
