package org.mpjhpc.config;

import java.util.Locale;

/** Conversions of YAML scalars to Java values, with messages that name the key. */
final class Scalars {
    private Scalars() {
    }

    static long toLong(Node node, String key) {
        String text = plain(node, key, "a whole number");
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw wrong(node, key, "a whole number");
        }
    }

    static double toDouble(Node node, String key) {
        String text = plain(node, key, "a number");
        try {
            return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw wrong(node, key, "a number");
        }
    }

    static boolean toBool(Node node, String key) {
        String text = plain(node, key, "true or false").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw wrong(node, key, "true or false");
        };
    }

    /** The node as plain Java data (see {@link Section#plain}). */
    static Object plain(Node node) {
        if (node.value == null) {
            return null;
        }
        if (node.isMap()) {
            java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
            node.asMap().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (node.isList()) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            node.asList().forEach(v -> list.add(plain(v)));
            return list;
        }
        String text = (String) node.value;
        if (node.quoted) {
            return text;
        }
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            // not a whole number
        }
        try {
            return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            // not a number
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> text;
        };
    }

    private static String plain(Node node, String key, String expected) {
        if (!node.isScalar() || node.quoted) {
            throw wrong(node, key, expected);
        }
        return ((String) node.value).trim();
    }

    private static UserError wrong(Node node, String key, String expected) {
        return new UserError(node.origin + ": " + key + ": expected " + expected + ", got " + node.describe());
    }
}
