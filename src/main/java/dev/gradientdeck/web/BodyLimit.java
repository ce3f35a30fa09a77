package dev.gradientdeck.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The 1 MB limit for request bodies that state no length (chunked). Javalin checks its limit against Content-Length only, so
 * a chunked body was read whole into the heap. Here such a body is read up to the limit before any handler runs: over it
 * is a 413, under it the handler gets the bytes read. Uploads (multipart, octet-stream, audio) are left to their routes,
 * which stream them to disk and count their own, larger limits.
 */
final class BodyLimit implements Filter {
    static final int LIMIT = 1_000_000;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getContentLengthLong() >= 0
                || request.getHeader("Transfer-Encoding") == null
                || isUpload(request.getContentType())) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(413);
            response.setHeader("Connection", "close");
            boolean api = request.getRequestURI().startsWith("/api/");
            response.setContentType(api ? "application/json" : "text/plain; charset=utf-8");
            String message = "The request body is larger than 1 MB; nothing was stored.";
            response.getWriter().write(api ? "{\"error\":\"" + message + "\",\"details\":[]}" : message);
            return;
        }
        chain.doFilter(new Buffered(request, body), res);
    }

    private static boolean isUpload(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/")
                || type.startsWith("application/octet-stream")
                || type.startsWith("audio/");
    }

    /** The request with its body already read into memory (at most the limit). */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(
                    new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(charset)));
        }
    }
}
