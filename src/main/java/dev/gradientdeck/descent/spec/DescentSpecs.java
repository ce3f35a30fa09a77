package dev.gradientdeck.descent.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gradientdeck.descent.engine.Catalog;
import dev.gradientdeck.descent.engine.SpecException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a {@link DescentSpec} from a card's YAML block or an API request's JSON, and checks it, so
 * a spec that comes back from here runs. Every problem is a {@link SpecException} that says what is
 * wrong and at which field, with the line in the text when it can be found.
 */
public final class DescentSpecs {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DescentSpecs() {}

    /**
     * @throws SpecException with the line within {@code yaml} when it is known
     */
    public static ValidSpec fromYaml(String yaml) {
        return read(YAML, yaml, "YAML");
    }

    /**
     * @throws SpecException with the line within {@code json} when it is known
     */
    public static ValidSpec fromJson(String json) {
        return read(JSON, json, "JSON");
    }

    private static ValidSpec read(ObjectMapper mapper, String text, String format) {
        DescentSpec spec;
        try {
            spec = mapper.readValue(text, DescentSpec.class);
        } catch (JsonMappingException e) {
            throw locate(bindingError(e, mapper, text), mapper, text, e.getLocation());
        } catch (JsonProcessingException e) {
            SpecException syntax = SpecException.of(format + " syntax error: " + firstLine(e));
            throw e.getLocation() == null
                    ? syntax
                    : syntax.onLine(e.getLocation().getLineNr());
        }
        if (spec == null) {
            throw SpecException.of("the spec is empty");
        }
        try {
            return SpecCheck.of(spec);
        } catch (SpecException e) {
            throw locate(e, mapper, text, null);
        }
    }

    /**
     * Jackson's complaint, reworded for the author of a card: the field, and what was expected
     * there.
     */
    private static SpecException bindingError(JsonMappingException e, ObjectMapper mapper, String text) {
        List<Object> path = e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? (Object) reference.getFieldName() : reference.getIndex())
                .toList();
        if (e instanceof UnrecognizedPropertyException unknown) {
            String optimizer = path.size() == 2 && path.get(0).equals("optimizer") ? optimizerName(mapper, text) : null;
            return optimizer != null && Catalog.NAMES.contains(optimizer)
                    ? SpecCheck.noSuchSetting(optimizer, unknown.getPropertyName())
                    : SpecException.at(
                            path,
                            "unknown field; the fields here are "
                                    + fields(unknown.getReferringClass(), unknown.getKnownPropertyIds()));
        }
        if (path.isEmpty()
                && e instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() == DescentSpec.class) {
            return SpecException.of(
                    e.getOriginalMessage().startsWith("No content")
                            ? "the spec is empty"
                            : "the spec must be a mapping of fields, such as problem: quadratic");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String got = e instanceof InvalidFormatException invalid ? ", got " + invalid.getValue() : "";
            return SpecException.at(path, "must be " + describe(mismatch.getTargetType()) + got);
        }
        return SpecException.at(path, firstLine(e));
    }

    /**
     * The optimizer's name, read from the text again: binding stopped at the unknown setting,
     * possibly before the name, and the message should list the settings of that optimizer.
     */
    private static String optimizerName(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text).path("optimizer").path("name").textValue();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Jackson's own words, without the source excerpt it appends on further lines. */
    private static String firstLine(JsonProcessingException e) {
        return e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String fields(Class<?> type, Collection<Object> known) {
        return type.isRecord()
                ? fields(type)
                : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of fields";
    }

    /**
     * The error with the line of its field in {@code text}: the line where that field (or, when it
     * is absent, the nearest enclosing field) is written, else {@code fallback}'s line.
     */
    private static SpecException locate(SpecException error, ObjectMapper mapper, String text, JsonLocation fallback) {
        Map<String, Integer> lines = lines(mapper, text);
        List<Object> path = error.path();
        for (int length = path.size(); length > 0; length--) {
            Integer line = lines.get(pointer(path.subList(0, length)));
            if (line != null) {
                return error.onLine(line);
            }
        }
        return fallback == null || fallback.getLineNr() < 1 ? error : error.onLine(fallback.getLineNr());
    }

    /** The line where each value of the text starts, by JSON pointer, as far as the text parses. */
    private static Map<String, Integer> lines(ObjectMapper mapper, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // Lines up to the syntax error are known; that error itself is reported by the binding.
        }
        return lines;
    }

    private static String pointer(List<Object> path) {
        JsonPointer pointer = JsonPointer.empty();
        for (Object segment : path) {
            pointer = segment instanceof Integer index
                    ? pointer.appendIndex(index)
                    : pointer.appendProperty(segment.toString());
        }
        return pointer.toString();
    }
}
