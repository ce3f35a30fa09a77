package dev.gradientdeck.papers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A paper file: a markdown file whose front matter says {@code kind: paper}. Front-matter keys are
 * {@code title} (required), {@code authors}, {@code year}, {@code url}, {@code arxiv}, {@code doi},
 * {@code status} (to-read, reading or read; to-read when absent), {@code read} or {@code read_date} (YYYY-MM-DD), {@code tags}
 * and {@code notes}; the body below the front matter is notes too.
 *
 * @param year     null when not given
 * @param arxivId  without version; null when not given
 * @param doi      lowercase; null when not given
 * @param readDate null when not given
 */
public record PaperNote(
        String title,
        List<String> authors,
        Integer year,
        String url,
        String arxivId,
        String doi,
        Status status,
        LocalDate readDate,
        List<String> tags,
        String notes) {

    public enum Status {
        TO_READ("to-read"),
        READING("reading"),
        READ("read");

        private final String written;

        Status(String written) {
            this.written = written;
        }

        /** As written in front matter. */
        public String written() {
            return written;
        }

        static Optional<Status> parse(String text) {
            return Arrays.stream(values())
                    .filter(status -> status.written.equalsIgnoreCase(text.trim()))
                    .findFirst();
        }

        static String allowed() {
            return Arrays.stream(values()).map(Status::written).collect(Collectors.joining(", "));
        }
    }

    public PaperNote {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a paper needs a title");
        }
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        if (status == null) {
            throw new IllegalArgumentException("a paper needs a status");
        }
        notes = notes == null ? "" : notes;
    }

    /**
     * Reads a paper from its parsed front matter (values as a YAML reader yields them: strings, numbers, lists,
     * dates) and the markdown body.
     *
     * @throws InvalidPaperNote listing every problem, each naming the key and the value that is wrong
     */
    public static PaperNote fromFrontMatter(Map<String, ?> fields, String body) {
        FrontMatter front = new FrontMatter(fields);
        front.required("kind")
                .filter(kind -> !kind.equalsIgnoreCase("paper"))
                .ifPresent(kind -> front.problem("kind '" + kind + "' is not 'paper'"));
        Optional<String> title = front.required("title");
        List<String> authors = front.list("authors", text -> text.split(";|\\s+and\\s+"));
        Integer year = front.text("year")
                .flatMap(text -> front.parsed("year", text, PaperNote::parseYear, "is not a number (like 2017)"))
                .orElse(null);
        String url = front.text("url")
                .flatMap(text -> front.parsed("url", text, PaperNote::httpUrl, "is not an http(s) address"))
                .orElse(null);
        String arxivId = front.text("arxiv")
                .flatMap(text -> front.parsed("arxiv", text, PaperKey::arxivId, "is not an arXiv id (like 2306.11644)"))
                .orElse(null);
        String doi = front.text("doi")
                .flatMap(text -> front.parsed("doi", text, PaperKey::doi, "is not a DOI (like 10.1000/xyz123)"))
                .orElse(null);
        Status status = front.text("status")
                .flatMap(text -> front.parsed("status", text, Status::parse, "is not one of: " + Status.allowed()))
                .orElse(Status.TO_READ);
        // Paper files date the reading as "read: 2024-03-01"; "read_date" is accepted as well.
        String readKey = fields.containsKey("read") ? "read" : "read_date";
        LocalDate readDate = front.text(readKey)
                .flatMap(
                        text -> front.parsed(readKey, text, PaperNote::parseIsoDate, "is not an ISO date (YYYY-MM-DD)"))
                .orElse(null);
        List<String> tags = front.list("tags", text -> text.split("[\\s,]+")).stream()
                .map(tag -> tag.replaceFirst("^#+", ""))
                .filter(tag -> !tag.isEmpty())
                .toList();
        String notes = Stream.of(front.text("notes").orElse(""), body == null ? "" : body.trim())
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining("\n\n"));
        front.throwIfProblems();
        return new PaperNote(title.orElseThrow(), authors, year, url, arxivId, doi, status, readDate, tags, notes);
    }

    /** The identity shared with every card that cites this paper. */
    public PaperKey key() {
        return PaperKey.of(url, arxivId, doi, title);
    }

    public BibEntry bibEntry() {
        return new BibEntry(title, authors, year, url, arxivId, doi, null);
    }

    // The link is kept as written so it still opens; the normalised form only serves as identity in the key.
    private static Optional<String> httpUrl(String link) {
        return PaperKey.normalizeUrl(link).map(normalized -> link);
    }

    private static Optional<Integer> parseYear(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException notAWholeNumber) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseIsoDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }

    /** Front-matter values read as text, with the problems found along the way collected rather than thrown. */
    private static final class FrontMatter {
        private final Map<String, ?> fields;
        private final List<String> problems = new ArrayList<>();

        FrontMatter(Map<String, ?> fields) {
            this.fields = fields;
        }

        /** A single value as trimmed text; empty when absent or blank. A list where one value belongs is a problem. */
        Optional<String> text(String key) {
            Object value = fields.get(key);
            if (value instanceof List<?>) {
                problem(key + " must be a single value, not a list");
                return Optional.empty();
            }
            return Optional.ofNullable(value).map(v -> v.toString().trim()).filter(v -> !v.isEmpty());
        }

        /** Like {@link #text}, and a problem when absent or blank (a list already has its own problem). */
        Optional<String> required(String key) {
            Optional<String> value = text(key);
            if (value.isEmpty() && !(fields.get(key) instanceof List<?>)) {
                problem(key + " is required");
            }
            return value;
        }

        /** A YAML list, or a single string split into items by {@code splitter}; blank items dropped. */
        List<String> list(String key, Function<String, String[]> splitter) {
            Object value = fields.get(key);
            Stream<String> items = value instanceof List<?> list
                    ? list.stream().filter(item -> item != null).map(Object::toString)
                    : value == null ? Stream.empty() : Arrays.stream(splitter.apply(value.toString()));
            return items.map(String::trim).filter(item -> !item.isEmpty()).toList();
        }

        <T> Optional<T> parsed(String key, String text, Function<String, Optional<T>> parser, String complaint) {
            Optional<T> value = parser.apply(text);
            if (value.isEmpty()) {
                problem(key + " '" + text + "' " + complaint);
            }
            return value;
        }

        void problem(String message) {
            problems.add(message);
        }

        void throwIfProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidPaperNote(problems);
            }
        }
    }
}
