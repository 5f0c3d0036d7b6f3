package org.mpjhpc.data.stats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.data.format.ColumnScan;
import org.mpjhpc.data.format.RowSink;

/**
 * A worker's share of the data after the first pass: the kept values for the later passes
 * (held, 8 bytes per kept row, when parsed from text; read again from the columns
 * of a binary file), their running statistics per category and {@link KeyBuckets}, the
 * row counters, and the first malformed rows of each piece it read.
 */
final class LocalData implements RowSink {
    /** Malformed rows remembered per piece; the report shows the first few overall. */
    static final int SAMPLES = 10;

    /** A malformed row: piece-relative line number and why. */
    record Bad(long line, String reason) {
    }

    /** A contiguous part of the input this worker read: its order, line count and bad rows. */
    record Piece(long seq, long lines, List<Bad> bad) {
    }

    private final Transform transform;
    private final boolean identity;
    private final RowFilter filter;
    private final boolean hasCategory;
    final ByteTable dictionary = new ByteTable();
    private boolean[] allowed = new boolean[16];
    /** No transform, no value range, every category seen so far kept: only NaN can be dropped. */
    private boolean plain;
    private final GroupAccumulator stats = new GroupAccumulator();
    /** The kept values by bucket, for the master's plan of the second pass. */
    final KeyBuckets keys = new KeyBuckets();
    private double[] values = new double[1 << 16];
    private int kept;
    private ColumnScan columns;
    long rowsRead;
    long malformed;
    long filtered;
    /** Rows whose value is NaN or infinite after the transform (dropped unless drop_nan is false). */
    long nonfinite;
    private int lastNonfinite;
    final List<Piece> pieces = new ArrayList<>();
    private List<Bad> bad = new ArrayList<>();

    LocalData(Transform transform, RowFilter filter, boolean hasCategory, List<String> knownCategories) {
        this.transform = transform;
        this.identity = transform.identity();
        this.filter = filter;
        this.hasCategory = hasCategory;
        allowed[0] = !hasCategory; // without a category column every row is in group 0
        plain = identity && filter.min() == Double.NEGATIVE_INFINITY && filter.max() == Double.POSITIVE_INFINITY;
        for (String c : knownCategories) {
            byte[] name = c.getBytes(StandardCharsets.UTF_8);
            code(name, 0, name.length);
        }
    }

    /** Closes the piece just read. */
    void endPiece(long seq, long lines) {
        pieces.add(new Piece(seq, lines, List.copyOf(bad)));
        bad = new ArrayList<>();
    }

    @Override
    public void row(double value, byte[] b, int from, int to) {
        add(value, hasCategory ? code(b, from, to) : 0);
    }

    /** A row whose category code is already known (binary files). */
    void add(double value, int code) {
        rowsRead++;
        double x = identity ? value : transform.apply(value); // the common case skips the call
        if (x - x != 0) { // NaN or infinite: x - x is 0 for every finite x
            nonfinite++;
            if (filter.dropNan()) {
                return;
            }
            x = Double.NaN; // kept: every statistic it enters is undefined
        }
        if (!(x != x || filter.keepsValue(x)) || !allowed[code]) {
            filtered++;
            return;
        }
        if (kept == values.length) {
            values = Arrays.copyOf(values, kept * 2);
        }
        values[kept++] = x;
        stats.add(code, x);
        keys.add(x);
    }

    /**
     * A binary file's decoded group: the rows are counted, then the kept ones (moved to the
     * front of the arrays) join the statistics. Their values are not held: see {@link #kept()}.
     */
    void addGroup(short[] codes, double[] v, int n) {
        rowsRead += n;
        int m = keep(codes, v, n);
        nonfinite += lastNonfinite;
        filtered += n - m - (filter.dropNan() ? lastNonfinite : 0);
        for (int i = 0; i < m; i++) { // one loop, one compile per rank (fresh 2-thread JVM: pass 15-20 % shorter)
            stats.add(codes[i], v[i]);
            keys.add(v[i]);
        }
    }

    /**
     * Transforms the first {@code n} rows and moves those the filters keep to the front;
     * returns how many, and leaves in {@link #lastNonfinite} how many were NaN or infinite
     * (dropped, or with {@code drop_nan: false} kept as NaN).
     */
    int keep(short[] codes, double[] v, int n) {
        lastNonfinite = 0;
        if (plain && allFinite(v, n)) {
            return n; // the common case: a scan without branches taken instead of a copy
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            double x = identity ? v[i] : transform.apply(v[i]);
            short c = codes[i];
            boolean finite = x - x == 0;
            lastNonfinite += finite ? 0 : 1;
            if (!finite && filter.dropNan()) {
                continue;
            }
            if (finite ? filter.keepsValue(x) && allowed[c] : allowed[c]) {
                v[m] = finite ? x : Double.NaN;
                codes[m++] = c;
            }
        }
        return m;
    }

    /** No NaN or infinity among the first {@code n}: {@code x * 0} is NaN for those, a zero otherwise. */
    private static boolean allFinite(double[] v, int n) {
        double zero = 0;
        for (int i = 0; i < n; i++) {
            zero += v[i] * 0;
        }
        return zero == 0;
    }

    /** The binary columns this worker read: the later passes read their kept values from there. */
    void readFrom(ColumnScan scan) {
        columns = scan;
    }

    /** The kept values, for the passes after the first. */
    KeptValues kept() {
        if (columns == null) {
            return KeptValues.of(values, kept);
        }
        if (plain && filtered == 0 && nonfinite == 0) { // the first pass kept every row as read: so will the later ones
            return kernel -> columns.groups((codes, v, n) -> kernel.block(v, 0, n), false);
        }
        return kernel -> columns.groups((codes, v, n) -> kernel.block(v, 0, keep(codes, v, n)));
    }

    @Override
    public void malformed(long line, String reason) {
        rowsRead++;
        malformed++;
        if (bad.size() < SAMPLES) {
            bad.add(new Bad(line, reason));
        }
    }

    private int code(byte[] b, int from, int to) {
        int before = dictionary.size();
        int code = dictionary.add(b, from, to - from, 0);
        if (dictionary.size() > before) {
            if (code == allowed.length) {
                allowed = Arrays.copyOf(allowed, code * 2);
            }
            allowed[code] = filter.keepsCategory(dictionary.key(code));
            plain &= allowed[code];
        }
        return code;
    }

    /** Statistics per local category code. */
    Moments[] moments() {
        return stats.result(Math.max(1, dictionary.size()));
    }

    /** The local category names, in code order. */
    List<String> categoryNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < dictionary.size(); c++) {
            names.add(dictionary.key(c));
        }
        return names;
    }
}
