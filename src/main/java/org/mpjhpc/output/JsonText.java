package org.mpjhpc.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON as a stream of values, indented the way Jackson's default pretty printer does
 * ({@code "name" : value}, arrays on one line, objects one field per line) or compact.
 * Reports are written with it rather than with Jackson, whose first use costs a fresh JVM
 * about 40 ms: every job writes one report at its end.
 */
public final class JsonText implements AutoCloseable {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final Writer out;
    private final boolean indent;
    /** Per open level: how many values it holds so far; and whether it is an object. */
    private int[] counts = new int[16];
    private final BitSet objects = new BitSet();
    private int depth;
    private int objectDepth;

    private JsonText(Writer out, boolean indent) {
        this.out = out;
        this.indent = indent;
    }

    /** A writer over {@code out} in UTF-8, indented like every report; close it to flush. */
    public static JsonText indented(OutputStream out) {
        return new JsonText(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), true);
    }

    /** The report's text, indented, with a final newline. */
    public static String indented(JsonObject o) {
        return text(o, true) + "\n";
    }

    static String compact(Object value) {
        return text(value, false);
    }

    /** The object's text on one line, without a final newline (for an HTTP answer). */
    public static String compact(JsonObject o) {
        return text(o, false);
    }

    private static String text(Object value, boolean indent) {
        StringWriter w = new StringWriter();
        try (JsonText j = new JsonText(w, indent)) {
            j.value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public JsonText startObject() throws IOException {
        open('{', true);
        return this;
    }

    public JsonText endObject() throws IOException {
        objectDepth--;
        int n = closeLevel();
        if (indent) {
            if (n > 0) {
                newline(objectDepth);
            } else {
                out.write(' ');
            }
        }
        out.write('}');
        return this;
    }

    public JsonText startArray() throws IOException {
        open('[', false);
        return this;
    }

    public JsonText endArray() throws IOException {
        closeLevel();
        if (indent) {
            out.write(' ');
        }
        out.write(']');
        return this;
    }

    /** The next field's name; its value follows. */
    public JsonText name(String name) throws IOException {
        if (counts[depth - 1]++ > 0) {
            out.write(',');
        }
        if (indent) {
            newline(objectDepth);
        }
        string(name);
        out.write(indent ? " : " : ":");
        return this;
    }

    /** A field with a whole number. */
    public JsonText field(String name, long value) throws IOException {
        name(name);
        return value(value);
    }

    /** A field with a string, or null. */
    public JsonText field(String name, String value) throws IOException {
        name(name);
        return value(value);
    }

    public JsonText value(long v) throws IOException {
        beforeValue();
        out.write(Long.toString(v));
        return this;
    }

    /** One value of any kind a report holds: null, strings, booleans, numbers, JSON trees, maps, lists. */
    public JsonText value(Object v) throws IOException {
        if (v instanceof JsonObject o) {
            o.write(this);
        } else if (v instanceof JsonArray a) {
            a.write(this);
        } else if (v instanceof Map<?, ?> m) {
            startObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                name(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            endObject();
        } else if (v instanceof List<?> l) {
            startArray();
            for (Object item : l) {
                value(item);
            }
            endArray();
        } else {
            beforeValue();
            scalar(v);
        }
        return this;
    }

    /** Ends the text with a newline. */
    public void newline() throws IOException {
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void scalar(Object v) throws IOException {
        if (v == null) {
            out.write("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
            string(v.toString()); // NaN and the infinities are not JSON numbers: written as strings
        } else if (v instanceof Boolean || v instanceof Number && isPlain((Number) v)) {
            out.write(v.toString());
        } else {
            string(v.toString());
        }
    }

    private static boolean isPlain(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof Double
                || n instanceof Float || n instanceof BigDecimal || n instanceof BigInteger;
    }

    private void open(char bracket, boolean object) throws IOException {
        beforeValue();
        out.write(bracket);
        if (depth == counts.length) {
            counts = java.util.Arrays.copyOf(counts, depth * 2);
        }
        counts[depth] = 0;
        objects.set(depth, object);
        depth++;
        if (object) {
            objectDepth++;
        }
    }

    private int closeLevel() {
        return counts[--depth];
    }

    /** In an array: the separator before every value but the first (a field's value follows its name). */
    private void beforeValue() throws IOException {
        if (depth == 0 || objects.get(depth - 1)) {
            return;
        }
        if (counts[depth - 1]++ > 0) {
            out.write(',');
        }
        if (indent) {
            out.write(' ');
        }
    }

    private void newline(int level) throws IOException {
        out.write('\n');
        for (int i = 0; i < level; i++) {
            out.write("  ");
        }
    }

    private void string(String s) throws IOException {
        out.write('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.write(s, from, i - from);
            from = i + 1;
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\t' -> out.write("\\t");
                case '\r' -> out.write("\\r");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> out.write(new char[] {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15]});
            }
        }
        out.write(s, from, s.length() - from);
        out.write('"');
    }
}
