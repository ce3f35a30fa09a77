package dev.gradientdeck.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses requests whose Host header names a site other than this app, before any handler runs. A foreign page whose name
 * is made to resolve to 127.0.0.1 (DNS rebinding) then cannot read or change anything: its requests carry its own name.
 * Addresses (127.0.0.1, [::1], a LAN address) cannot be rebound, so they pass; names pass only when they are loopback names
 * or the ones the learner gave with --host or --public-url.
 */
public final class HostCheck {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final Set<String> names;

    /** {@code names}: host names allowed besides localhost, lowercase, without port. */
    public HostCheck(Set<String> names) {
        this.names = names.stream()
                .map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    void refuseForeignHosts(Context ctx) {
        String header = ctx.header("Host");
        // HTTP/1.1 requires a Host header (Jetty refuses a request without one); an HTTP/1.0 client on this machine may
        // omit it.
        if (header == null || header.isEmpty()) return;
        String host = hostPart(header.strip().toLowerCase(Locale.ROOT));
        if (allowed(host)) return;
        throw new HttpResponseException(
                421,
                "This app answers only to its own address (such as 127.0.0.1 or localhost), not to '" + header
                        + "'. If you reach it under another name, start it with --public-url naming that address.");
    }

    private boolean allowed(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) return true;
        if (IPV4.matcher(host).matches() || host.startsWith("[")) return true;
        return names.contains(host);
    }

    /** "name:port" or "[::1]:port" without the port. */
    private static String hostPart(String header) {
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            return end < 0 ? header : header.substring(0, end + 1);
        }
        int colon = header.lastIndexOf(':');
        String name = colon < 0 ? header : header.substring(0, colon);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
