package org.mpjhpc.data.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.mapreduce.Combiner;
import org.mpjhpc.mapreduce.Emitter;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.InputRecord;

/**
 * One map task: the chunk's lines through the mapper, the pairs through the combiner (one
 * value per key per task), split by key into partitions. Pure: no MPI, so it is tested alone.
 */
final class MapTask<K, V> implements Emitter<K, V> {
    private static final int READ_BYTES = 1 << 20;
    private final Mapper<K, V> mapper;
    private final Combiner<V> combiner;
    private final Set<String> keys;
    private final KeyCodec<K> keyCodec;
    private final KeyCodec<V> valueCodec;
    private final ByteOut[] parts;
    private final Map<K, V> combined = new HashMap<>();
    private final java.util.function.BinaryOperator<V> merge = this::combine;
    private final ByteOut keyBytes = new ByteOut(64);
    private long emitted;
    private long pairs;
    private final long[] partPairs;
    /** Per partition, each pair's key hash in order, for grouping without hashing the key again (no combiner). */
    private final int[][] hashes;

    /** @param keys the {@code keys} filter (key text), or null for all */
    MapTask(Mapper<K, V> mapper, Combiner<V> combiner, Set<String> keys, int partitions) {
        this.mapper = mapper;
        this.combiner = combiner;
        this.keys = keys;
        this.keyCodec = mapper.keyCodec();
        this.valueCodec = mapper.valueCodec();
        this.parts = new ByteOut[partitions];
        this.partPairs = new long[partitions];
        this.hashes = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            parts[p] = new ByteOut(1024);
            hashes[p] = new int[combiner == null ? 256 : 0];
        }
    }

    /** Maps the chunk of {@code path}; {@code delimiter} splits CSV rows (0 for plain lines). */
    MapOutput run(Chunk chunk, String path, char delimiter) throws Exception {
        long records = ChunkRecords.read(chunk, path, delimiter, this::map);
        for (Map.Entry<K, V> e : combined.entrySet()) {
            write(e.getKey(), e.getValue());
        }
        byte[][] bytes = new byte[parts.length][];
        for (int p = 0; p < parts.length; p++) {
            bytes[p] = combiner == null ? grouped(parts[p].toByteArray(), hashes[p]) : parts[p].toByteArray();
        }
        return new MapOutput(bytes, records, emitted, pairs, chunk.bytes(), partPairs);
    }

    /**
     * A partition's pairs with each key's pairs side by side (first seen first, each key's in
     * the order they came), as Hadoop sorts a map's output: the reduce then reads a key's
     * pairs in runs, not one cache miss each across gigabytes (a 100 MB inverted index's
     * reduce waited on memory more than it computed).
     */
    private byte[] grouped(byte[] pairs, int[] keyHashes) throws IOException {
        PairIndex index = new PairIndex(java.util.List.of(Segment.of(pairs)), keyCodec, valueCodec, keyHashes);
        ByteOut out = new ByteOut(pairs.length);
        for (int g = 0; g < index.groups(); g++) {
            for (int p = index.first(g); p >= 0; p = index.next(p)) {
                index.copy(p, out);
            }
        }
        return out.array().length == out.size() ? out.array() : out.toByteArray();
    }

    private void map(InputRecord record) throws Exception {
        mapper.map(record, this);
    }

    @Override
    public void emit(K key, V value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("the mapper emitted a null " + (key == null ? "key" : "value"));
        }
        emitted++;
        if (keys != null && !keys.contains(key.toString())) {
            return;
        }
        if (combiner == null) {
            write(key, value);
            return;
        }
        combined.merge(key, value, merge);
    }

    private V combine(V a, V b) {
        try {
            return combiner.combine(a, b);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MapperFailed(e);
        }
    }

    private void write(K key, V value) {
        try {
            keyBytes.reset();
            keyCodec.write(key, keyBytes);
            int h = ByteTable.hash(keyBytes.array(), 0, keyBytes.size());
            int p = Partitions.ofHash(h, parts.length);
            keyBytes.writeTo(parts[p]);
            valueCodec.write(value, parts[p]);
            if (combiner == null) {
                int n = (int) partPairs[p];
                if (n == hashes[p].length) {
                    hashes[p] = java.util.Arrays.copyOf(hashes[p], 2 * n);
                }
                hashes[p][n] = h;
            }
            pairs++;
            partPairs[p]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checked exception of the user's code, carried out of a lambda. */
    static final class MapperFailed extends RuntimeException {
        MapperFailed(Exception cause) {
            super(cause.toString(), cause);
        }
    }
}
