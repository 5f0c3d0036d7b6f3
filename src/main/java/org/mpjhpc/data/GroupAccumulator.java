package org.mpjhpc.data;

import java.util.Arrays;

/**
 * Per-category statistics of a stream of values, fast enough to keep up with reading:
 * within a block each category accumulates shifted sums (no division per value), and at
 * the end of a block those become {@link Moments} and are merged with Chan's formula.
 * The shift is the category's first value, close to its mean, and blocks are short, so
 * the sums stay small and exact enough for data near 1e9 with a spread of 1.
 */
final class GroupAccumulator {
    static final int BLOCK = 1 << 14;

    private Moments[] done = new Moments[0];
    private double[] shift = new double[0];
    private boolean[] shifted = new boolean[0];
    private long[] n = new long[0];
    private double[] s1 = new double[0];
    private double[] s2 = new double[0];
    private double[] min = new double[0];
    private double[] max = new double[0];
    private int inBlock;

    void add(int code, double x) {
        if (code >= n.length) {
            grow(code + 1);
        }
        if (!shifted[code]) {
            shift[code] = x;
            shifted[code] = true;
        }
        double y = x - shift[code];
        n[code]++;
        s1[code] += y;
        s2[code] += y * y;
        if (x < min[code]) {
            min[code] = x;
        }
        if (x > max[code]) {
            max[code] = x;
        }
        if (++inBlock == BLOCK) {
            flush();
        }
    }

    private void grow(int size) {
        int old = n.length;
        done = Arrays.copyOf(done, size);
        Arrays.fill(done, old, size, Moments.EMPTY);
        shift = Arrays.copyOf(shift, size);
        shifted = Arrays.copyOf(shifted, size);
        n = Arrays.copyOf(n, size);
        s1 = Arrays.copyOf(s1, size);
        s2 = Arrays.copyOf(s2, size);
        min = Arrays.copyOf(min, size);
        max = Arrays.copyOf(max, size);
        Arrays.fill(min, old, size, Double.POSITIVE_INFINITY);
        Arrays.fill(max, old, size, Double.NEGATIVE_INFINITY);
    }

    private void flush() {
        for (int c = 0; c < n.length; c++) {
            if (n[c] > 0) {
                double mean = s1[c] / n[c];
                double m2 = Math.max(0, s2[c] - s1[c] * mean);
                done[c] = done[c].merge(new Moments(n[c], shift[c], mean, m2, min[c], max[c]));
                n[c] = 0;
                s1[c] = 0;
                s2[c] = 0;
                min[c] = Double.POSITIVE_INFINITY;
                max[c] = Double.NEGATIVE_INFINITY;
            }
        }
        inBlock = 0;
    }

    /** The statistics per category code so far (codes never seen have none). */
    Moments[] result(int codes) {
        flush();
        Moments[] out = new Moments[codes];
        for (int c = 0; c < codes; c++) {
            out[c] = c < done.length ? done[c] : Moments.EMPTY;
        }
        return out;
    }
}
