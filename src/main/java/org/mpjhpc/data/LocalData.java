package org.mpjhpc.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A worker's share of the data after the first pass: the kept values (held for the
 * second pass, 8 bytes per kept row), their running statistics per category, the
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
    private final GroupAccumulator stats = new GroupAccumulator();
    double[] values = new double[1 << 16];
    int kept;
    long rowsRead;
    long malformed;
    long filtered;
    final List<Piece> pieces = new ArrayList<>();
    private List<Bad> bad = new ArrayList<>();

    LocalData(Transform transform, RowFilter filter, boolean hasCategory, List<String> knownCategories) {
        this.transform = transform;
        this.identity = transform.identity();
        this.filter = filter;
        this.hasCategory = hasCategory;
        allowed[0] = !hasCategory; // without a category column every row is in group 0
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
        if (!filter.keepsValue(x) || !allowed[code]) {
            filtered++;
            return;
        }
        if (kept == values.length) {
            values = Arrays.copyOf(values, kept * 2);
        }
        values[kept++] = x;
        stats.add(code, x);
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
