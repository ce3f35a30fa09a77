package dev.gradientdeck.practice.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a recording whole or one byte range of it (what an audio player asks to seek). Written
 * here rather than through Javalin's seekable stream, which spins forever on a range past the end
 * and answers 500 to a malformed one: a single range is all a player sends, and its rules are few.
 */
final class RecordingRange {

    /** {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}; one range only. */
    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** The bytes to send, {@code first} to {@code last} inclusive. */
    record Span(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /** Why a range cannot be served: answered 416 with the recording's size. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable(String message) {
            super(message);
        }
    }

    private RecordingRange() {}

    /**
     * The span a Range header asks for in a file of {@code size} bytes; empty for no header or a
     * list of ranges (then the whole file is sent, as HTTP allows).
     */
    static Optional<Span> parse(String header, long size) throws Unsatisfiable {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String range = header.strip();
        if (range.startsWith("bytes=") && range.contains(",")) {
            return Optional.empty();
        }
        Matcher m = ONE_RANGE.matcher(range);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw new Unsatisfiable("The Range header '" + range + "' is not one byte range such as bytes=0-1023.");
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable("The range " + range + " asks for no bytes.");
            }
            return Optional.of(new Span(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        if (last < first) {
            throw new Unsatisfiable("The range " + range + " ends before it starts.");
        }
        if (first >= size) {
            throw new Unsatisfiable("The range " + range + " starts past the end of the " + size + "-byte recording.");
        }
        return Optional.of(new Span(first, Math.min(last, size - 1)));
    }

    /** Sends the file, or the part the request's Range asks for. */
    static void send(Context ctx, Path file, long size, String contentType) throws IOException {
        ctx.header("Accept-Ranges", "bytes");
        Optional<Span> span;
        try {
            span = parse(ctx.header("Range"), size);
        } catch (Unsatisfiable e) {
            ctx.status(416)
                    .header("Content-Range", "bytes */" + size)
                    .contentType("text/plain")
                    .result(e.getMessage());
            return;
        }
        Span sent = span.orElse(new Span(0, size - 1));
        ctx.contentType(contentType);
        if (span.isPresent()) {
            ctx.status(206).header("Content-Range", "bytes " + sent.first() + "-" + sent.last() + "/" + size);
        }
        ctx.header("Content-Length", String.valueOf(Math.max(0, sent.length())));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(sent.first());
            OutputStream out = ctx.outputStream();
            try (InputStream in = Channels.newInputStream(channel)) {
                byte[] buffer = new byte[64 * 1024];
                long left = sent.length();
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }
    }
}
