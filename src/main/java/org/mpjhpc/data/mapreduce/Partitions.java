package org.mpjhpc.data.mapreduce;

import org.mpjhpc.data.ByteTable;

/** Which partition a key belongs to: by its encoded bytes, so the same on every rank and JVM. */
final class Partitions {
    private Partitions() {
    }

    /**
     * The partition of a key by the {@link ByteTable#hash} of its bytes, already taken (a
     * counting task's table has one for every key; a map task keeps each pair's to group them).
     */
    static int ofHash(int hash, int partitions) {
        int h = hash;
        h ^= h >>> 16; // spread the low bits, which floorMod keeps
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return Math.floorMod(h, partitions);
    }

    /** The worker that reduces a partition. */
    static int owner(int partition, int workers) {
        return partition % workers;
    }
}
