package org.mpjhpc.data.stats;

import java.util.Arrays;

/**
 * Per-category statistics of a stream of values, fast enough to keep up with reading:
 * within a block each category accumulates shifted sums (no division per value), and at
 * the end of a block those become {@link Moments} and are merged with Chan's formula.
 * The shift is the category's first value, close to its mean, and blocks are short, so
 * the sums stay small and exact enough for data near 1e9 with a spread of 1.
 *
 * <p>A category's running sums lie side by side in one cache line ({@link #STRIDE}
 * doubles), so a row touches one line whatever its category. A value further than
 * {@link Moments#LIMIT} from the shift (near 1e308, say) would overflow the squares; it
 * takes a slow path of its own, merged at the end with Moments' scaled arithmetic.
 */
final class GroupAccumulator {
    static final int BLOCK = 1 << 14;
    private static final int N = 0;
    private static final int S1 = 1;
    private static final int S2 = 2;
    private static final int MIN = 3;
    private static final int MAX = 4;
    private static final int SHIFT = 5;
    private static final int SHIFTED = 6;
    private static final int STRIDE = 8;

    private Moments[] done = new Moments[0];
    /** Per category, the values too far from its shift for the block sums. */
    private Moments[] far = new Moments[0];
    private double[] acc = new double[0];
    private int inBlock;

    /** Adds one value of category {@code code}. */
    void add(int code, double x) {
        if (code >= done.length) {
            grow(code + 1);
        }
        accumulate(code * STRIDE, x);
        if (++inBlock == BLOCK) {
            flush();
        }
    }

    private void accumulate(int o, double x) {
        if (acc[o + SHIFTED] == 0) {
            acc[o + SHIFT] = x;
            acc[o + SHIFTED] = 1;
        }
        double y = x - acc[o + SHIFT];
        if (Math.abs(y) > Moments.LIMIT) {
            far[o / STRIDE] = far[o / STRIDE].add(x);
            return;
        }
        acc[o + N] += 1; // exact: a block holds far fewer than 2^53 values
        acc[o + S1] += y;
        acc[o + S2] += y * y;
        if (x < acc[o + MIN]) {
            acc[o + MIN] = x;
        }
        if (x > acc[o + MAX]) {
            acc[o + MAX] = x;
        }
    }

    private void grow(int size) {
        int old = done.length;
        done = Arrays.copyOf(done, size);
        Arrays.fill(done, old, size, Moments.EMPTY);
        far = Arrays.copyOf(far, size);
        Arrays.fill(far, old, size, Moments.EMPTY);
        acc = Arrays.copyOf(acc, size * STRIDE);
        for (int c = old; c < size; c++) {
            clear(c * STRIDE);
        }
    }

    private void clear(int o) {
        acc[o + N] = 0;
        acc[o + S1] = 0;
        acc[o + S2] = 0;
        acc[o + MIN] = Double.POSITIVE_INFINITY;
        acc[o + MAX] = Double.NEGATIVE_INFINITY;
    }

    private void flush() {
        for (int c = 0; c < done.length; c++) {
            int o = c * STRIDE;
            long n = (long) acc[o + N];
            if (n > 0) {
                double mean = acc[o + S1] / n;
                double m2 = Math.max(0, acc[o + S2] - acc[o + S1] * mean);
                boolean nan = Double.isNaN(mean); // a NaN kept (drop_nan: false) makes min and max NaN too
                double min = nan ? Double.NaN : acc[o + MIN];
                double max = nan ? Double.NaN : acc[o + MAX];
                done[c] = done[c].merge(new Moments(n, acc[o + SHIFT], mean, m2, min, max));
                clear(o);
            }
        }
        inBlock = 0;
    }

    /** The statistics per category code so far (codes never seen have none). */
    Moments[] result(int codes) {
        flush();
        Moments[] out = new Moments[codes];
        for (int c = 0; c < codes; c++) {
            out[c] = c < done.length ? done[c].merge(far[c]) : Moments.EMPTY;
        }
        return out;
    }
}
