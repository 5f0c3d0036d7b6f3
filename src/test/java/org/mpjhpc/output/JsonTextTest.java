package org.mpjhpc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Our writer against Jackson's pretty printer and compact generator: the same text for any tree. */
class JsonTextTest {
    private static final JsonFactory JACKSON = new JsonFactory();

    @Test
    void randomTreesComeOutAsJacksonWritesThem() throws IOException {
        SplittableRandom rnd = new SplittableRandom(18);
        for (int i = 0; i < 500; i++) {
            JsonObject tree = object(rnd, 0);
            assertEquals(jackson(tree, true) + "\n", JsonText.indented(tree), "tree " + i);
            assertEquals(jackson(tree, false), tree.toString(), "tree " + i);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonText w = JsonText.indented(bytes)) {
                w.value(tree);
                w.newline();
            }
            assertEquals(JsonText.indented(tree), bytes.toString(StandardCharsets.UTF_8), "streamed tree " + i);
        }
    }

    @Test
    void awkwardValuesAreEscapedOrQuoted() {
        JsonObject o = new JsonObject();
        o.put("s", "q\"b\\n\n\t\r\b\f\u0001\u001fé€😀");
        o.put("nan", Double.NaN);
        o.put("inf", Double.NEGATIVE_INFINITY);
        o.putValue("f", Float.POSITIVE_INFINITY);
        o.putValue("big", new BigDecimal("1E+3"));
        o.putValue("other", new java.util.concurrent.atomic.AtomicLong(5));
        o.putObject("empty");
        o.putArray("none");
        assertEquals("{\"s\":\"q\\\"b\\\\n\\n\\t\\r\\b\\f\\u0001\\u001Fé€😀\",\"nan\":\"NaN\",\"inf\":\"-Infinity\","
                + "\"f\":\"Infinity\",\"big\":1E+3,\"other\":\"5\",\"empty\":{},\"none\":[]}", o.toString());
        assertEquals(jackson(o, true) + "\n", JsonText.indented(o));
    }

    private static String jackson(Object tree, boolean pretty) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JACKSON.createGenerator(w)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof JsonObject o) {
            write(g, o.fields());
        } else if (v instanceof JsonArray a) {
            g.writeStartArray();
            for (int i = 0; i < a.size(); i++) {
                write(g, a.get(i));
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else {
            g.writeString(v.toString());
        }
    }

    private static JsonObject object(SplittableRandom rnd, int depth) {
        JsonObject o = new JsonObject();
        int n = rnd.nextInt(depth == 0 ? 1 : 0, 6);
        for (int i = 0; i < n; i++) {
            String name = string(rnd) + i;
            switch (depth > 3 ? rnd.nextInt(6) : rnd.nextInt(8)) {
                case 0 -> o.put(name, string(rnd));
                case 1 -> o.put(name, rnd.nextLong() >> rnd.nextInt(64));
                case 2 -> o.put(name, number(rnd));
                case 3 -> o.put(name, rnd.nextBoolean());
                case 4 -> o.putNull(name);
                case 5 -> o.putValue(name, new BigDecimal(rnd.nextInt(1000)).scaleByPowerOfTen(rnd.nextInt(-5, 5)));
                case 6 -> o.putValue(name, object(rnd, depth + 1));
                default -> o.putValue(name, array(rnd, depth + 1));
            }
        }
        return o;
    }

    private static JsonArray array(SplittableRandom rnd, int depth) {
        JsonArray a = new JsonArray();
        int n = rnd.nextInt(0, 5);
        for (int i = 0; i < n; i++) {
            switch (depth > 3 ? rnd.nextInt(3) : rnd.nextInt(5)) {
                case 0 -> a.add(string(rnd));
                case 1 -> a.add(number(rnd));
                case 2 -> a.add(rnd.nextInt());
                case 3 -> a.addValue(object(rnd, depth + 1));
                default -> a.addValue(array(rnd, depth + 1));
            }
        }
        return a;
    }

    private static double number(SplittableRandom rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> Double.NaN;
            case 1 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-30, 30));
            case 2 -> rnd.nextInt(100);
            case 3 -> -0.0;
            default -> rnd.nextGaussian();
        };
    }

    private static String string(SplittableRandom rnd) {
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(0, 8);
        for (int i = 0; i < n; i++) {
            s.append(switch (rnd.nextInt(6)) {
                case 0 -> (char) rnd.nextInt(0, 0x20);
                case 1 -> '"';
                case 2 -> '\\';
                case 3 -> (char) rnd.nextInt(0x80, 0x3000);
                default -> (char) rnd.nextInt('a', 'z' + 1);
            });
        }
        return s.toString();
    }
}
