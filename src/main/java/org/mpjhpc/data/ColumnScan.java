package org.mpjhpc.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of row groups of a binary columnar file, mapped into memory once and decoded a
 * group at a time into two reusable arrays (category codes, values). Why mapped: every
 * pass of the statistics reads the same two columns, straight from the page cache, and
 * nothing of the file is held on the heap; a positional read would copy each column
 * twice. A mapping is limited to 2 GiB, so the groups are mapped in windows.
 */
final class ColumnScan {
    private static final long WINDOW_BYTES = 1L << 30;

    /** Work on one decoded group: the first {@code n} codes and values. */
    interface Kernel {
        void group(short[] codes, double[] v, int n);
    }

    private final Columnar.Header header;
    private final long from;
    private final long to;
    private final int groupsPerWindow;
    private final List<MappedByteBuffer> windows = new ArrayList<>();
    private final short[] codes;
    private final double[] values;

    /** Maps groups [{@code from}, {@code to}) of the open file (the mapping outlives the channel). */
    ColumnScan(FileChannel file, Columnar.Header header, long from, long to) throws IOException {
        this(file, header, from, to, WINDOW_BYTES);
    }

    /** The same, with windows of at most {@code windowBytes} (at least one group each). */
    ColumnScan(FileChannel file, Columnar.Header header, long from, long to, long windowBytes) throws IOException {
        this.header = header;
        this.from = from;
        this.to = to;
        this.groupsPerWindow = (int) Math.max(1, windowBytes / ((long) header.groupRows() * Columnar.ROW_BYTES));
        for (long g = from; g < to; g += groupsPerWindow) {
            long last = Math.min(to, g + groupsPerWindow) - 1;
            long end = header.groupStart(last) + (long) header.rowsIn(last) * Columnar.ROW_BYTES;
            windows.add(file.map(FileChannel.MapMode.READ_ONLY, header.groupStart(g), end - header.groupStart(g)));
        }
        this.codes = new short[header.groupRows()];
        this.values = new double[header.groupRows()];
    }

    /** Decodes each group in order and hands it to {@code kernel}; the arrays are reused. */
    void groups(Kernel kernel) {
        for (long g = from; g < to; g++) {
            long windowFirst = from + (g - from) / groupsPerWindow * groupsPerWindow;
            MappedByteBuffer w = windows.get((int) ((g - from) / groupsPerWindow));
            int at = (int) (header.groupStart(g) - header.groupStart(windowFirst));
            int r = header.rowsIn(g);
            // inside a group: ids (8 r bytes), timestamps (8 r), codes (2 r), values (8 r)
            w.slice(at + 16 * r, 2 * r).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(codes, 0, r);
            w.slice(at + 18 * r, 8 * r).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values, 0, r);
            kernel.group(codes, values, r);
        }
    }
}
