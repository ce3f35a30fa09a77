package dev.gradientdeck.present;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one HTML escaper, for markup written in Java (SVG charts, math kept out of markdown, search snippets). Templates need
 * none: jte escapes every {@code ${...}} itself. Written here rather than borrowed from jte so that pure cores drawing a
 * chart need not depend on the template engine.
 */
public final class Html {
    private Html() {}

    /** Text made safe for HTML and XML content and for quoted attribute values alike. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text as one query-string value ("deep learning" becomes "deep+learning"), for links built in Java. */
    public static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
