package org.mpjhpc.farm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout under {@link Protocol}'s messages: strings, JSON values, task kinds, and
 * a message written or read whole. A task type that travels needs its case here, in both
 * {@link #writeKind} and {@link #readKind}.
 */
final class Wire {
    private Wire() {
    }

    /**
     * Jackson only when a JSON value is sent (shared resources): a worker of a job without
     * them never loads it (each rank loads its own classes: 0.1-0.2 s of CPU per rank).
     */
    private static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper();
    }

    static String json(Object value) throws IOException {
        return Json.MAPPER.writeValueAsString(value);
    }

    static Object value(String json) throws IOException {
        return Json.MAPPER.readValue(json, Object.class);
    }

    // ---- task kinds ----------------------------------------------------------------

    static void writeKind(DataOutputStream out, TaskKind kind) throws IOException {
        TaskType<?> type = TaskType.of(kind); // a kind without a row is refused here, never sent corrupt
        out.writeUTF(type.name());
        type.write(kind, out);
    }

    static TaskKind readKind(DataInputStream in) throws IOException {
        String name = in.readUTF();
        TaskType<?> type = TaskType.named(name);
        if (type == null) {
            throw new IOException("unknown task type on the wire: " + name);
        }
        return type.decode().read(in);
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
