package org.mpjhpc.data.wordcount;

import java.nio.ByteBuffer;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.data.DataComm;

/**
 * Word counts in flight: a table's entries split into one bucket per reducer by the key's
 * hash, each bucket a run of (length, UTF-8 bytes, count) records, and the merge of
 * received buckets into the reducer's table. Pure: the exchange itself is in {@link DataComm}.
 */
final class Shuffle {
    private Shuffle() {
    }

    /** The reducer that owns a key: the same on every worker. */
    static int owner(int hash, int reducers) {
        return Math.floorMod(hash, reducers);
    }

    static byte[][] buckets(ByteTable table, int reducers) {
        int[] sizes = new int[reducers];
        for (int e = 0; e < table.size(); e++) {
            sizes[owner(table.hash(e), reducers)] += 4 + table.keyLength(e) + 8;
        }
        ByteBuffer[] out = new ByteBuffer[reducers];
        for (int r = 0; r < reducers; r++) {
            out[r] = ByteBuffer.allocate(sizes[r]);
        }
        for (int e = 0; e < table.size(); e++) {
            ByteBuffer b = out[owner(table.hash(e), reducers)];
            int len = table.keyLength(e);
            b.putInt(len);
            table.copyKey(e, b.array(), b.position());
            b.position(b.position() + len);
            b.putLong(table.count(e));
        }
        byte[][] bytes = new byte[reducers][];
        for (int r = 0; r < reducers; r++) {
            bytes[r] = out[r].array();
        }
        return bytes;
    }

    /** Adds every record of {@code bucket} to {@code table}; returns how many records there were. */
    static int merge(byte[] bucket, ByteTable table) {
        ByteBuffer b = ByteBuffer.wrap(bucket);
        int records = 0;
        while (b.hasRemaining()) {
            int len = b.getInt();
            int at = b.position();
            b.position(at + len);
            table.add(bucket, at, len, b.getLong());
            records++;
        }
        return records;
    }
}
