package dev.gradientdeck.papers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What makes two citations the same paper. Cards cite papers as they were pasted (abs or pdf links,
 * versioned arXiv ids, tracking parameters), so the key is built from the most stable identity available:
 * arXiv id, then DOI, then a normalised URL, then a normalised title.
 *
 * @param kind  which identity the key was built from
 * @param value the normalised identity, lowercase
 */
public record PaperKey(Kind kind, String value) {

    public enum Kind {
        ARXIV,
        DOI,
        URL,
        TITLE
    }

    // New-style ids (2007 onwards) and old-style archive/number ids; the version suffix is matched so it can be
    // dropped.
    private static final String ARXIV_ID = "(\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\\.[A-Za-z]{2})?/\\d{7})(?:v\\d+)?";
    private static final Pattern ARXIV_URL =
            Pattern.compile("(?i)^(?:https?://)?(?:[a-z0-9-]+\\.)*arxiv\\.org/(?:abs|pdf|html)/" + ARXIV_ID
                    + "(?:\\.pdf)?/?(?:[?#].*)?$");
    private static final Pattern ARXIV_PREFIXED = Pattern.compile("(?i)^arxiv:\\s*" + ARXIV_ID + "$");
    private static final Pattern ARXIV_BARE = Pattern.compile("^" + ARXIV_ID + "$");
    // arXiv registers a DOI for every paper (10.48550/arXiv.<id>); it names the same paper as the id.
    private static final Pattern ARXIV_DOI = Pattern.compile(
            "(?i)^(?:(?:https?://)?(?:dx\\.)?doi\\.org/|doi:\\s*)?10\\.48550/arxiv\\." + ARXIV_ID + "$");

    private static final String DOI = "(10\\.\\d{4,9}/\\S+)";
    private static final Pattern DOI_URL = Pattern.compile("(?i)^(?:https?://)?(?:dx\\.)?doi\\.org/" + DOI + "$");
    private static final Pattern DOI_PREFIXED = Pattern.compile("(?i)^doi:\\s*" + DOI + "$");
    private static final Pattern DOI_BARE = Pattern.compile("^" + DOI + "$");

    private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://([^/?#]+)([^?#]*)(?:\\?([^#]*))?(?:#.*)?$");
    private static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "ref", "source");

    /**
     * The key for a paper from whatever the citation carries; any argument may be null or blank.
     *
     * @throws IllegalArgumentException when nothing identifies the paper at all
     */
    public static PaperKey of(String url, String arxivId, String doi, String title) {
        return arxivId(arxivId)
                .or(() -> arxivId(url))
                .or(() -> arxivId(doi))
                .map(id -> new PaperKey(Kind.ARXIV, id.toLowerCase(Locale.ROOT)))
                .or(() -> doi(doi).or(() -> doi(url)).map(found -> new PaperKey(Kind.DOI, found)))
                .or(() -> normalizeUrl(url).map(normal -> new PaperKey(Kind.URL, normal)))
                .or(() -> normalizeTitle(title).map(normal -> new PaperKey(Kind.TITLE, normal)))
                .orElseThrow(() -> new IllegalArgumentException("a paper needs a URL, arXiv id, DOI or title"));
    }

    /** The key as one string, e.g. {@code arxiv:2306.11644}, so storage can hold it in a single unique column. */
    public String text() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }

    /**
     * The arXiv id, without version, in an arXiv abs/pdf/html URL, an {@code arxiv:} reference, a bare id,
     * or arXiv's own DOI.
     */
    public static Optional<String> arxivId(String text) {
        String trimmed = trimmed(text);
        return Arrays.asList(ARXIV_URL, ARXIV_PREFIXED, ARXIV_BARE, ARXIV_DOI).stream()
                .map(pattern -> pattern.matcher(trimmed))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    /** The DOI, lowercased because DOIs are case-insensitive, in a doi.org URL, a {@code doi:} reference or bare. */
    public static Optional<String> doi(String text) {
        String trimmed = trimmed(text);
        // Links copied from some sites percent-encode the DOI's slash, so the link is decoded before matching.
        Matcher url = DOI_URL.matcher(percentDecode(stripQueryAndFragment(trimmed)));
        if (url.matches()) {
            return Optional.of(url.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher prefixed = DOI_PREFIXED.matcher(trimmed);
        if (prefixed.matches()) {
            return Optional.of(prefixed.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher bare = DOI_BARE.matcher(trimmed);
        return bare.matches() ? Optional.of(bare.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * An http(s) URL reduced to what names the page: lowercase host without {@code www.} or default port, no scheme
     * (http and https serve the same paper), no trailing slash or fragment, no tracking parameters, and the remaining
     * query parameters sorted. Empty for anything that is not an http(s) URL.
     */
    public static Optional<String> normalizeUrl(String url) {
        Matcher matcher = HTTP_URL.matcher(trimmed(url));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String host = normalizeHost(matcher.group(1));
        String path = matcher.group(2).replaceAll("/+$", "");
        String query = normalizeQuery(matcher.group(3));
        return Optional.of(host + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static String normalizeHost(String authority) {
        String host = authority.toLowerCase(Locale.ROOT).replaceFirst(":(80|443)$", "");
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String normalizeQuery(String query) {
        if (query == null) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(param -> !param.isEmpty() && !isTracking(param))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String param) {
        String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING_PARAMS.contains(name);
    }

    // Titles are compared by their letters and digits only: case, accents and punctuation vary between citations.
    private static Optional<String> normalizeTitle(String title) {
        String folded = Normalizer.normalize(trimmed(title), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }

    private static String stripQueryAndFragment(String url) {
        return url.replaceFirst("[?#].*$", "");
    }

    // A literal '+' is a legal DOI character, so it is protected before URL-decoding turns it into a space.
    private static String percentDecode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }
}
