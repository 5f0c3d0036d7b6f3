package org.mpjhpc.data;

/** Where a scanner puts what it reads. */
interface RowSink {
    /** A good row: its value and its category's bytes {@code b[from, to)} (empty without a category column). */
    void row(double value, byte[] b, int from, int to);

    /** A malformed row at {@code line} (counted from the piece's first line, 1-based). */
    void malformed(long line, String reason);
}
