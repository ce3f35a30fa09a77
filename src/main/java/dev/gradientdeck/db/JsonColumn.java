package dev.gradientdeck.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** A list of strings kept in one TEXT column as a JSON array (key points, identities): small, ordered, read whole. */
public final class JsonColumn {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumn() {}

    public static String of(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serializes", e);
        }
    }

    public static List<String> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored list is not a JSON array of strings: " + json, e);
        }
    }
}
