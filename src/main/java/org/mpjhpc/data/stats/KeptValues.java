package org.mpjhpc.data.stats;

import org.mpjhpc.data.format.ColumnScan;

/**
 * A worker's kept values (transformed and filtered), as every pass after the first sees
 * them: a scan over blocks. Values parsed from text are held in memory; a binary file's
 * are read again from its columns ({@link ColumnScan}), so they cost no heap.
 */
interface KeptValues {
    /** Values held in memory are handed out in blocks of this many, small enough for the cache. */
    int BLOCK = 1 << 16;

    /** Calls {@code kernel} on consecutive blocks that hold every kept value once. */
    void scan(Kernel kernel);

    /** Work on one block: entries {@code from} (inclusive) to {@code to} (exclusive) of {@code v}. */
    interface Kernel {
        void block(double[] v, int from, int to);
    }

    /** The first {@code n} entries of {@code v}. */
    static KeptValues of(double[] v, int n) {
        return kernel -> {
            for (int from = 0; from < n; from += BLOCK) {
                kernel.block(v, from, Math.min(n, from + BLOCK));
            }
        };
    }
}
