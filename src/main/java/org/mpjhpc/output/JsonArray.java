package org.mpjhpc.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A JSON array of a report (see {@link JsonObject}). */
public final class JsonArray {
    private final List<Object> items = new ArrayList<>();

    public JsonArray add(String value) {
        items.add(value);
        return this;
    }

    public JsonArray add(long value) {
        items.add(value);
        return this;
    }

    public JsonArray add(double value) {
        items.add(value);
        return this;
    }

    public JsonArray add(boolean value) {
        items.add(value);
        return this;
    }

    /** A boxed number; null writes null. */
    public JsonArray add(Number value) {
        items.add(value);
        return this;
    }

    /** Any value, as {@link JsonObject#putValue}. */
    public JsonArray addValue(Object value) {
        items.add(value);
        return this;
    }

    public JsonObject addObject() {
        JsonObject o = new JsonObject();
        items.add(o);
        return o;
    }

    public JsonArray addArray() {
        JsonArray a = new JsonArray();
        items.add(a);
        return a;
    }

    public Object get(int i) {
        return items.get(i);
    }

    public int size() {
        return items.size();
    }

    void write(JsonText g) throws IOException {
        g.startArray();
        for (Object item : items) {
            g.value(item);
        }
        g.endArray();
    }

    @Override
    public String toString() {
        return JsonText.compact(this);
    }
}
