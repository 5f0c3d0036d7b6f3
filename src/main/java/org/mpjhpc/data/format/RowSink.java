package org.mpjhpc.data.format;

/** Where a scanner puts what it reads. */
public interface RowSink {
    /** A good row: its value and its category's bytes {@code b[from, to)} (empty without a category column). */
    public void row(double value, byte[] b, int from, int to);

    /** A malformed row at {@code line} (counted from the piece's first line, 1-based). */
    public void malformed(long line, String reason);
}
