package org.mpjhpc.farm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The byte layout under {@link Protocol}'s messages: strings, JSON values, task kinds, and
 * a message written or read whole. A task type that travels needs its case here, in both
 * {@link #writeKind} and {@link #readKind}.
 */
final class Wire {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private Wire() {
    }

    static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    static Object value(String json) throws IOException {
        return JSON.readValue(json, Object.class);
    }

    // ---- task kinds ----------------------------------------------------------------

    static void writeKind(DataOutputStream out, TaskKind kind) throws IOException {
        out.writeUTF(kind.type());
        if (kind instanceof TaskKind.Fib f) {
            out.writeInt(f.n());
        } else if (kind instanceof TaskKind.Sleep s) {
            out.writeLong(s.ms());
        } else if (kind instanceof TaskKind.Spin s) {
            out.writeLong(s.ms());
        } else if (kind instanceof TaskKind.Cpu c) {
            out.writeLong(c.ms());
        } else if (kind instanceof TaskKind.Shell s) {
            writeString(out, s.command());
            out.writeLong(s.timeoutMs());
        } else if (kind instanceof TaskKind.Java j) {
            writeString(out, j.className());
            out.writeInt(j.args().size());
            for (Map.Entry<String, String> e : j.args().entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        } else if (!(kind instanceof TaskKind.Noop)) {
            // Its name alone would reach the worker as a corrupt message: refuse it here.
            throw new IllegalArgumentException("no wire encoding for task type '" + kind.type() + "'");
        }
    }

    static TaskKind readKind(DataInputStream in) throws IOException {
        String type = in.readUTF();
        return switch (type) {
            case "fib" -> new TaskKind.Fib(in.readInt());
            case "sleep" -> new TaskKind.Sleep(in.readLong());
            case "spin" -> new TaskKind.Spin(in.readLong());
            case "cpu" -> new TaskKind.Cpu(in.readLong());
            case "shell" -> new TaskKind.Shell(readString(in), in.readLong());
            case "java" -> {
                String className = readString(in);
                int n = in.readInt();
                Map<String, String> args = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    args.put(readString(in), readString(in));
                }
                yield new TaskKind.Java(className, args);
            }
            case "noop" -> new TaskKind.Noop();
            default -> throw new IOException("unknown task type on the wire: " + type);
        };
    }

    // ---- plumbing ------------------------------------------------------------------

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T> T read(byte[] data, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt protocol message", e);
        }
    }
}
