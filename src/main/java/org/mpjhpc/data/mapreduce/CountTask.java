package org.mpjhpc.data.mapreduce;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.mapreduce.CountingMapper;
import org.mpjhpc.mapreduce.Counts;
import org.mpjhpc.mapreduce.InputRecord;
import org.mpjhpc.mapreduce.Words;

/**
 * One map task of a {@link CountingMapper}: counts summed in a table of bytes (no object per
 * pair), kept as the task's output; {@link #encode} writes a table as the STRING and LONG
 * codecs write them, split into partitions. Pure: no MPI.
 */
final class CountTask implements Counts, ChunkRecords.Block, ChunkRecords.Each {
    private final CountingMapper mapper;
    private final Set<String> keys;
    private final ByteTable table = new ByteTable();
    /** Counts added but left out by the {@code keys} filter. */
    private long filteredOut;
    /** Each word straight into the table when no filter applies (what the dedicated word count does). */
    private final Words.Sink words;

    /** @param keys the {@code keys} filter (key text), or null for all */
    CountTask(CountingMapper mapper, Set<String> keys) {
        this.mapper = mapper;
        this.keys = keys;
        this.words = keys == null ? new TableWords(table) : Counts.super.words();
    }

    MapOutput run(Chunk chunk, String path, char delimiter) throws Exception {
        boolean bulk = delimiter == 0 && chunk.firstLine() < 0; // plain lines, no numbers wanted
        long records = ChunkRecords.read(chunk, path, delimiter, bulk ? this : null, this);
        return MapOutput.counted(table, records, table.total() + filteredOut, chunk.bytes());
    }

    /** A table's counts as one run of (key, count) pairs per partition, partitioned by the hash the table holds. */
    static MapOutput encode(ByteTable table, int partitions, long records, long emitted, long bytes) {
        int[] sizes = new int[partitions];
        int[] owner = new int[table.size()];
        for (int e = 0; e < table.size(); e++) {
            owner[e] = Partitions.ofHash(table.hash(e), partitions); // the table hashed the key's bytes already
            sizes[owner[e]] += 4 + table.keyLength(e) + 8;
        }
        ByteBuffer[] parts = new ByteBuffer[partitions];
        long[] partPairs = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            parts[p] = ByteBuffer.allocate(sizes[p]);
        }
        for (int e = 0; e < table.size(); e++) {
            ByteBuffer b = parts[owner[e]];
            b.putInt(table.keyLength(e));
            table.copyKey(e, b.array(), b.position());
            b.position(b.position() + table.keyLength(e));
            b.putLong(table.count(e));
            partPairs[owner[e]]++;
        }
        byte[][] out = new byte[partitions][];
        for (int p = 0; p < partitions; p++) {
            out[p] = parts[p].array();
        }
        return new MapOutput(out, records, emitted, table.size(), bytes, partPairs);
    }

    /** Whole lines, if the mapper takes them (this class is its own callback: no lambda to spin per rank). */
    @Override
    public boolean lines(byte[] b, int from, int to) throws Exception {
        return mapper.mapLines(b, from, to, this);
    }

    @Override
    public void record(InputRecord record) throws Exception {
        mapper.map(record, this);
    }

    @Override
    public void add(byte[] key, int offset, int length, long n) {
        if (keys == null || keys.contains(new String(key, offset, length, StandardCharsets.UTF_8))) {
            table.add(key, offset, length, n);
        } else {
            filteredOut += n;
        }
    }

    @Override
    public Words.Sink words() {
        return words;
    }

    /** One more for each word, into the table. A class, not a lambda: see {@code ChunkRecords.Buffers}. */
    private record TableWords(ByteTable table) implements Words.Sink {
        @Override
        public void word(byte[] b, int offset, int length) {
            table.add(b, offset, length, 1);
        }
    }

    @Override
    public void add(String key, long n) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        add(b, 0, b.length, n);
    }
}
