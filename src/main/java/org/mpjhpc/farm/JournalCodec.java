package org.mpjhpc.farm;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's records, written and read in one place. On file each record is
 * {@code int length, int crc32(payload), payload}; the payload's first byte is its
 * {@link Type}. The journal's first record is the {@link Type#HEADER}: the config lines a
 * resumed run must match.
 */
final class JournalCodec {
    /** What a record says. The ordinal is on file: append new types, never reorder. */
    enum Type { HEADER, QUEUED, DISPATCHED, RESULT, RESOURCE, ACTION, END }

    /** The largest payload a reader accepts; a longer length field is damage, not data. */
    static final int MAX_PAYLOAD = 16 << 20;

    /** Writes one record's payload. */
    interface Body {
        void write(JournalBytes out);
    }

    private JournalCodec() {
    }

    /** The last kind encoded and its bytes: a timeline repeats one kind object many times. */
    private static TaskKind lastKind;
    private static byte[] lastKindBytes;

    /** A task kind in {@link Wire}'s layout; the master's thread only. */
    private static byte[] kind(TaskKind kind) {
        if (kind != lastKind) {
            lastKindBytes = Wire.write(out -> Wire.writeKind(out, kind));
            lastKind = kind;
        }
        return lastKindBytes;
    }

    static Body header(List<String> configLines) {
        return out -> {
            out.putByte(Type.HEADER.ordinal()).putInt(configLines.size());
            configLines.forEach(out::putString);
        };
    }

    /** A task entered the queue; {@code request} is -1 for one submitted through the control endpoint. */
    static Body queued(TaskSpec task, int maxAttempts, int request, int repeat) {
        return out -> {
            byte[] kind = kind(task.kind());
            out.putByte(Type.QUEUED.ordinal()).putInt(task.id()).putInt(maxAttempts).putInt(request).putInt(repeat)
                    .putLong(task.timeoutMs()).putBytes(kind, 0, kind.length);
        };
    }

    static Body dispatched(int id, int attempt) {
        return out -> out.putByte(Type.DISPATCHED.ordinal()).putInt(id).putInt(attempt);
    }

    /** A task's one recorded result (done, failed, or given up by the master). */
    static Body result(TaskBook.Entry e) {
        return out -> out.putByte(Type.RESULT.ordinal()).putInt(e.id).putInt(e.attempts).putInt(e.worker)
                .putBoolean(e.status == TaskBook.Status.DONE).putString(e.result).putString(e.error)
                .putLong(e.startMs).putLong(e.endMs);
    }

    static Body resource(String name, Replicas.Entry value) {
        String json;
        try {
            json = Wire.json(value.value());
        } catch (IOException e) {
            throw new IllegalStateException("a resource value that cannot be written as JSON: " + name, e);
        }
        return out -> out.putByte(Type.RESOURCE.ordinal()).putString(name).putString(value.type().name())
                .putLong(value.version()).putString(json);
    }

    /** A timeline action other than a submission was carried out (its position is passed). */
    static Body action(int request, int repeat) {
        return out -> out.putByte(Type.ACTION.ordinal()).putInt(request).putInt(repeat);
    }

    /** The run ended and its report was written: a later run starts afresh. */
    static Body end() {
        return out -> out.putByte(Type.END.ordinal());
    }

    /** Receives decoded records, in file order. */
    interface Visitor {
        void header(List<String> configLines);

        void queued(int id, int maxAttempts, int request, int repeat, long timeoutMs, TaskKind kind);

        void dispatched(int id, int attempt);

        void result(int id, int attempts, Outcome outcome);

        void resource(String name, Replicas.Entry value);

        void action(int request, int repeat);

        void end();
    }

    /** Decodes one payload (CRC already checked) and passes it on. */
    static void decode(DataInputStream in, Visitor v) throws IOException {
        int type = in.readUnsignedByte();
        if (type >= Type.values().length) {
            throw new IOException("unknown journal record type " + type);
        }
        switch (Type.values()[type]) {
            case HEADER -> {
                int n = in.readInt();
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    lines.add(Wire.readString(in));
                }
                v.header(lines);
            }
            case QUEUED -> v.queued(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readLong(),
                    Wire.readKind(in));
            case DISPATCHED -> v.dispatched(in.readInt(), in.readInt());
            case RESULT -> {
                int id = in.readInt();
                int attempts = in.readInt();
                int worker = in.readInt();
                boolean ok = in.readBoolean();
                Outcome o = new Outcome(id, attempts, worker, ok, Wire.readString(in), Wire.readString(in),
                        in.readLong(), in.readLong());
                v.result(id, attempts, o);
            }
            case RESOURCE -> {
                String name = Wire.readString(in);
                ResourceType type2 = ResourceType.valueOf(Wire.readString(in));
                long version = in.readLong();
                v.resource(name, new Replicas.Entry(type2, version, type2.coerce(Wire.value(Wire.readString(in)))));
            }
            case ACTION -> v.action(in.readInt(), in.readInt());
            case END -> v.end();
            default -> throw new IOException("no reader for journal record " + type);
        }
    }
}
