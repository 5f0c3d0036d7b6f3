package org.mpjhpc.output;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object of a report, fields in the order they are put. Reports are built from these
 * and written through Jackson's streaming core alone: its data-binding layer (object mapper,
 * node trees) costs a fresh JVM about 0.2 s of class loading and start-up, the core 0.04 s
 * (measured), and every job pays that at its end.
 */
public final class JsonObject {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public JsonObject put(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public JsonObject put(String name, long value) {
        fields.put(name, value);
        return this;
    }

    public JsonObject put(String name, double value) {
        fields.put(name, value);
        return this;
    }

    public JsonObject put(String name, boolean value) {
        fields.put(name, value);
        return this;
    }

    /** A boxed number; null writes null. */
    public JsonObject put(String name, Number value) {
        fields.put(name, value);
        return this;
    }

    /** Any value: null, a string, number or boolean, a list, a map, or a JSON object or array. */
    public JsonObject putValue(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    public JsonObject putNull(String name) {
        fields.put(name, null);
        return this;
    }

    /** A new array under {@code name}. */
    public JsonArray putArray(String name) {
        JsonArray a = new JsonArray();
        fields.put(name, a);
        return a;
    }

    /** A new object under {@code name}. */
    public JsonObject putObject(String name) {
        JsonObject o = new JsonObject();
        fields.put(name, o);
        return o;
    }

    /** The value under {@code name} (a boxed number, string, boolean, object or array), or null. */
    public Object get(String name) {
        return fields.get(name);
    }

    /** The number under {@code name}, or 0 when it is missing, null or not a number (a run that ended early). */
    public double asDouble(String name) {
        return fields.get(name) instanceof Number n ? n.doubleValue() : 0;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public int size() {
        return fields.size();
    }

    /** The fields in order, for a writer that streams some of them itself. */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    void write(JsonText g) throws IOException {
        g.startObject();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            g.name(f.getKey());
            g.value(f.getValue());
        }
        g.endObject();
    }

    /** Compact JSON text. */
    @Override
    public String toString() {
        return JsonText.compact(this);
    }
}
