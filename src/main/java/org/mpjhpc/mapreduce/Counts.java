package org.mpjhpc.mapreduce;

/** Where a {@link CountingMapper} adds to its keys' counts. */
public interface Counts {
    /** Adds {@code n} to the key whose UTF-8 text is {@code key[offset, offset + length)} (copied if new). */
    void add(byte[] key, int offset, int length, long n);

    /** Adds {@code n} to {@code key}. */
    void add(String key, long n);

    /**
     * A sink that adds one to each word it is handed: what a word count gives
     * {@link Words#each}. The job's own may go straight to its table, a call per word shorter.
     */
    default Words.Sink words() {
        return (b, offset, length) -> add(b, offset, length, 1);
    }
}
