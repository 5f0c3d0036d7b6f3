package org.mpjhpc.mapreduce;

/** Where a {@link CountingMapper} adds to its keys' counts. */
public interface Counts {
    /** Adds {@code n} to the key whose UTF-8 text is {@code key[offset, offset + length)} (copied if new). */
    void add(byte[] key, int offset, int length, long n);

    /** Adds {@code n} to {@code key}. */
    void add(String key, long n);
}
