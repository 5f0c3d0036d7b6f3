package org.mpjhpc.data.mapreduce;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The MapReduce master/worker protocol as matched pairs, in one place:
 * <ul>
 * <li>worker to master, {@link Report}: READY (first), DONE or FAILED (the last task);</li>
 * <li>master to worker, {@link Order}: MAP (the next chunk) or END (the map phase is over:
 * go on to the shuffle, or not, and which of its finished tasks count).</li>
 * </ul>
 * Every report gets exactly one order back, so each side always knows what comes next.
 */
final class Orders {
    private Orders() {
    }

    enum ReportKind { READY, DONE, FAILED }

    enum OrderKind { MAP, END }

    /** How a map task went on a worker. */
    record Report(ReportKind kind, int task, int attempt, long records, long emitted, long pairs, long bytes,
            long nanos, String error) {
        static Report ready() {
            return new Report(ReportKind.READY, -1, 0, 0, 0, 0, 0, 0, null);
        }

        byte[] encode() {
            byte[] text = error == null ? new byte[0] : error.getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(1 + 8 + 5 * 8 + 4 + text.length);
            b.put((byte) kind.ordinal()).putInt(task).putInt(attempt).putLong(records).putLong(emitted).putLong(pairs)
                    .putLong(bytes).putLong(nanos).putInt(text.length).put(text);
            return b.array();
        }

        static Report decode(byte[] data) {
            ByteBuffer b = ByteBuffer.wrap(data);
            ReportKind kind = ReportKind.values()[b.get()];
            int task = b.getInt();
            int attempt = b.getInt();
            long records = b.getLong();
            long emitted = b.getLong();
            long pairs = b.getLong();
            long bytes = b.getLong();
            long nanos = b.getLong();
            byte[] text = new byte[b.getInt()];
            b.get(text);
            return new Report(kind, task, attempt, records, emitted, pairs, bytes, nanos,
                    kind == ReportKind.FAILED ? new String(text, StandardCharsets.UTF_8) : null);
        }
    }

    /** What the master tells a worker to do next. */
    record Order(OrderKind kind, Chunk chunk, int attempt, boolean proceed, int[] accepted) {
        static Order map(Chunk chunk, int attempt) {
            return new Order(OrderKind.MAP, chunk, attempt, true, null);
        }

        static Order end(boolean proceed, int[] accepted) {
            return new Order(OrderKind.END, null, 0, proceed, accepted);
        }

        byte[] encode() {
            if (kind == OrderKind.MAP) {
                ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 + 4 + 3 * 8);
                b.put((byte) kind.ordinal()).putInt(chunk.id()).putInt(attempt).putInt(chunk.file())
                        .putLong(chunk.from()).putLong(chunk.to()).putLong(chunk.firstLine());
                return b.array();
            }
            ByteBuffer b = ByteBuffer.allocate(1 + 1 + 4 + 4 * accepted.length);
            b.put((byte) kind.ordinal()).put((byte) (proceed ? 1 : 0)).putInt(accepted.length);
            for (int id : accepted) {
                b.putInt(id);
            }
            return b.array();
        }

        static Order decode(byte[] data) {
            ByteBuffer b = ByteBuffer.wrap(data);
            if (OrderKind.values()[b.get()] == OrderKind.MAP) {
                int id = b.getInt();
                int attempt = b.getInt();
                int file = b.getInt();
                return map(new Chunk(id, file, b.getLong(), b.getLong(), b.getLong()), attempt);
            }
            boolean proceed = b.get() == 1;
            int[] accepted = new int[b.getInt()];
            for (int i = 0; i < accepted.length; i++) {
                accepted[i] = b.getInt();
            }
            return end(proceed, accepted);
        }
    }
}
