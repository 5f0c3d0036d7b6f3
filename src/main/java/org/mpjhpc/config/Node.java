package org.mpjhpc.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpjhpc.log.Quote;

/**
 * One value of a YAML document together with where it came from ({@code file:line} or
 * {@code --set key}), so that every validation error can name its place.
 *
 * <p>{@code value} is a {@code LinkedHashMap<String, Node>}, a {@code List<Node>}, a
 * {@code String} for scalars, or {@code null} for YAML null.
 */
public final class Node {
    final Object value;
    final String origin;
    /** True for a scalar written in quotes: "5" is a string, 5 is a number. */
    final boolean quoted;

    Node(Object value, String origin, boolean quoted) {
        this.value = value;
        this.origin = origin;
        this.quoted = quoted;
    }

    static Node map(String origin) {
        return new Node(new LinkedHashMap<String, Node>(), origin, false);
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    boolean isScalar() {
        return value instanceof String;
    }

    @SuppressWarnings("unchecked")
    Map<String, Node> asMap() {
        return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    List<Node> asList() {
        return (List<Node>) value;
    }

    String describe() {
        if (value == null) {
            return "null";
        }
        if (isMap()) {
            return "a mapping";
        }
        if (isList()) {
            return "a list";
        }
        return Quote.of(value);
    }
}
