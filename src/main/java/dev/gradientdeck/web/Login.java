package dev.gradientdeck.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The password gate for an app exposed beyond this machine: a login page, a random session cookie (HttpOnly,
 * SameSite=Strict), failed attempts limited per address, and every page and API call behind it.
 */
public final class Login implements WebServer.Routes {
    static final String COOKIE = "gd_session";
    private static final Duration SESSION = Duration.ofDays(30);
    private static final int FAILURES_ALLOWED = 5;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final Set<String> OPEN_PATHS = Set.of("/login", "/favicon.ico", "/api/health");

    private final byte[] passwordDigest;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public Login(String password, Clock clock) {
        this.passwordDigest = digest(password);
        this.clock = clock;
    }

    @Override
    public void register(Javalin app) {
        app.before(this::requireSession);
        app.get("/login", ctx -> showForm(ctx, ""));
        app.post("/login", this::logIn);
        app.post("/logout", this::logOut);
    }

    public record LoginPage(String message, String next) {}

    private void requireSession(Context ctx) {
        String path = ctx.path();
        if (OPEN_PATHS.contains(path)
                || path.startsWith("/static/")
                || path.startsWith(Assets.PREFIX)
                || path.startsWith("/webjars/")) return;
        String token = ctx.cookie(COOKIE);
        Instant expires = token == null ? null : sessions.get(token);
        if (expires != null && expires.isAfter(clock.instant())) return;
        if (WebServer.wantsJson(ctx)) {
            throw new io.javalin.http.UnauthorizedResponse("Log in first: this app is protected by a password.");
        }
        String next = ctx.method().name().equals("GET")
                ? path + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                : "/";
        ctx.redirect("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    private void showForm(Context ctx, String message) {
        ctx.render("login.jte", Map.of("page", new LoginPage(message, safeNext(ctx.queryParam("next")))));
    }

    private void logIn(Context ctx) {
        String address = budgetOf(ctx.ip());
        // The attempt is counted before the password is checked, in one step with the limit check, so a parallel burst
        // of
        // guesses cannot all pass the check before any of them is recorded.
        if (!admit(address)) {
            ctx.status(429).header("Retry-After", String.valueOf(FAILURE_WINDOW.toSeconds()));
            showForm(ctx, "Too many wrong passwords from this address. Wait 15 minutes and try again.");
            return;
        }
        String given = ctx.formParam("password");
        if (given == null || !MessageDigest.isEqual(digest(given), passwordDigest)) {
            ctx.status(401);
            showForm(ctx, "That password is not right.");
            return;
        }
        failures.remove(address);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, clock.instant().plus(SESSION));
        Cookie cookie =
                new Cookie(COOKIE, token, "/", (int) SESSION.toSeconds(), false, 0, true, null, null, SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void logOut(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) sessions.remove(token);
        ctx.removeCookie(COOKIE, "/");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** Counts an attempt for the address unless its budget is spent; a right password clears the count afterwards. */
    private synchronized boolean admit(String address) {
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        Instant cutoff = clock.instant().minus(FAILURE_WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) recent.pollFirst();
        if (recent.size() >= FAILURES_ALLOWED) return false;
        recent.addLast(clock.instant());
        return true;
    }

    /** Whose budget an attempt spends: every loopback address (127.0.0.0/8, ::1) is this machine, so they share one. */
    static String budgetOf(String ip) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(ip);
            if (address.isLoopbackAddress()) return "loopback";
            return address.getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return ip;
        }
    }

    /** Only a path on this app: "next" must never send the learner to another site after logging in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
        // Browsers drop tabs and line breaks from a URL, so "/\t/evil.example" would lead off site; no control
        // character passes.
        if (next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return "/";
        return next;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
