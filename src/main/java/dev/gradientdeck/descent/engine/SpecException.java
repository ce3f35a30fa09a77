package dev.gradientdeck.descent.engine;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A simulation spec that cannot run, with what is wrong and where: the message starts with the
 * field ({@code optimizer.momentum: ...}, {@code batches[1][0]: ...}); {@link #path()} gives the
 * same place as segments, and {@link #line()} the line in the spec text when it was parsed from
 * text and the place could be found there.
 */
public final class SpecException extends RuntimeException {
    private final List<Object> path;
    private final String problem;
    private final Integer line;

    private SpecException(List<Object> path, String problem, Integer line) {
        super(path.isEmpty() ? problem : field(path) + ": " + problem);
        this.path = List.copyOf(path);
        this.problem = problem;
        this.line = line;
    }

    /** An error at a field given as segments: names (String) and list positions (Integer). */
    public static SpecException at(List<?> path, String problem) {
        return new SpecException(List.copyOf(path), problem, null);
    }

    public static SpecException at(String field, String problem) {
        return at(List.of(field), problem);
    }

    /** An error about the spec as a whole. */
    public static SpecException of(String problem) {
        return at(List.of(), problem);
    }

    public SpecException onLine(int line) {
        SpecException located = new SpecException(path, problem, line);
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** Segments of the field at fault: names and list positions; empty for the spec as a whole. */
    public List<Object> path() {
        return path;
    }

    /**
     * The field at fault as written in messages, such as {@code optimizer.lr} or {@code
     * batches[2][0]}; "" for the whole spec.
     */
    public String field() {
        return field(path);
    }

    /** 1-based line within the spec text, when known. */
    public OptionalInt line() {
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    private static String field(List<Object> path) {
        return path.stream()
                .map(segment -> segment instanceof Integer ? "[" + segment + "]" : "." + segment)
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
