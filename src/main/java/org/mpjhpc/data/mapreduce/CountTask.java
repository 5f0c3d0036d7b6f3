package org.mpjhpc.data.mapreduce;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.mapreduce.CountingMapper;
import org.mpjhpc.mapreduce.Counts;

/**
 * One map task of a {@link CountingMapper}: counts summed in a table of bytes (no object per
 * pair), then written as the STRING and LONG codecs write them, split into partitions the
 * way {@link MapTask} splits its pairs. Pure: no MPI.
 */
final class CountTask implements Counts {
    private final CountingMapper mapper;
    private final Set<String> keys;
    private final int partitions;
    private final ByteTable table = new ByteTable();
    private long added;

    /** @param keys the {@code keys} filter (key text), or null for all */
    CountTask(CountingMapper mapper, Set<String> keys, int partitions) {
        this.mapper = mapper;
        this.keys = keys;
        this.partitions = partitions;
    }

    MapOutput run(Chunk chunk, String path, char delimiter) throws Exception {
        boolean bulk = delimiter == 0 && chunk.firstLine() < 0; // plain lines, no numbers wanted
        long records = ChunkRecords.read(chunk, path, delimiter,
                bulk ? (b, from, to) -> mapper.mapLines(b, from, to, this) : null, r -> mapper.map(r, this));
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
        byte[][] bytes = new byte[partitions][];
        for (int p = 0; p < partitions; p++) {
            bytes[p] = parts[p].array();
        }
        return new MapOutput(bytes, records, added, table.size(), chunk.bytes(), partPairs);
    }

    @Override
    public void add(byte[] key, int offset, int length, long n) {
        added++;
        if (keys == null || keys.contains(new String(key, offset, length, StandardCharsets.UTF_8))) {
            table.add(key, offset, length, n);
        }
    }

    @Override
    public void add(String key, long n) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        add(b, 0, b.length, n);
    }
}
