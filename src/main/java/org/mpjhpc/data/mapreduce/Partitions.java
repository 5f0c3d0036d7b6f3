package org.mpjhpc.data.mapreduce;

/** Which partition a key belongs to: by its encoded bytes, so the same on every rank and JVM. */
final class Partitions {
    private Partitions() {
    }

    /** The partition of a key whose codec wrote {@code bytes[0, n)}. */
    static int of(byte[] bytes, int n, int partitions) {
        int h = 1;
        for (int i = 0; i < n; i++) {
            h = 31 * h + bytes[i];
        }
        return ofHash(h, partitions);
    }

    /**
     * The partition of a key by a hash of its bytes already taken (a counting task's table
     * has one for every key); any hash of the bytes will do, as long as a job uses one.
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
