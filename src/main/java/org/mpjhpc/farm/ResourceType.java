package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The types a shared resource may have, and the check that a value fits one. Values are
 * plain Java data: Integer, Long, Double, Boolean, String, List and Map of those.
 */
public enum ResourceType {
    INT, LONG, DOUBLE, BOOL, STRING, LIST, MAP;

    /** The type named in a job file ({@code int}, {@code long}, ... {@code map}), or null. */
    static ResourceType named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The value converted to this type's Java form (a whole number becomes an Integer for
     * INT, a Double for DOUBLE...), or throws IllegalArgumentException saying why not.
     */
    Object coerce(Object value) {
        switch (this) {
            case INT -> {
                long v = whole(value);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(v + " does not fit an int");
                }
                return (int) v;
            }
            case LONG -> {
                return whole(value);
            }
            case DOUBLE -> {
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
            }
            case BOOL -> {
                if (value instanceof Boolean) {
                    return value;
                }
            }
            case STRING -> {
                if (value instanceof String) {
                    return value;
                }
            }
            case LIST -> {
                if (value instanceof List<?> l) {
                    List<Object> copy = new ArrayList<>();
                    l.forEach(e -> copy.add(scalar(e)));
                    return copy;
                }
            }
            case MAP -> {
                if (value instanceof Map<?, ?> m) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((k, v) -> copy.put(String.valueOf(k), scalar(v)));
                    return copy;
                }
            }
        }
        throw new IllegalArgumentException("expected a " + name().toLowerCase(Locale.ROOT) + " value, got " + describe(value));
    }

    private static long whole(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("expected a whole number, got " + describe(value));
    }

    /**
     * A list or map element in one Java form wherever it was read (YAML, JSON off the wire,
     * a task's write): whole numbers as Long, other numbers as Double, so a task sees the
     * same types on every worker as at the master.
     */
    private static Object scalar(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null || value instanceof Boolean || value instanceof String) {
            return value;
        }
        throw new IllegalArgumentException("list and map elements must be numbers, booleans or text, got " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
    }
}
