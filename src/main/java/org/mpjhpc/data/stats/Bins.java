package org.mpjhpc.data.stats;

/**
 * Equal-width bins over a closed interval [lo, hi], half-open {@code [a, b)} but for the
 * last, which is closed (numpy's rule). A value's bin is first estimated as
 * {@code floor((x - lo) * (n / (hi - lo)))}, then corrected against the edges themselves,
 * since that product can round a value on an inner edge into the bin below. The index is
 * the last bin whose lower edge is at most x: monotone in x, so every value of a bin is at
 * most every value of the next one, which the quantile search relies on. Values outside
 * [lo, hi] (and NaN) have no bin.
 */
final class Bins {
    private final double lo;
    private final double hi;
    private final int n;
    /** n / (hi - lo), computed once: {@link #index} runs once per value of every scan. */
    private final double scale;
    /** One value: everything in one bin. */
    private final boolean single;
    /** The range is too wide for a double (near -1e308 to 1e308): positions are computed on halves. */
    private final boolean wide;
    /** The edges as {@link #edge} gives them, so a value is placed against what the report prints. */
    private final double[] edges;

    Bins(double lo, double hi, int n) {
        this.lo = lo;
        this.hi = hi;
        this.n = n;
        double width = hi - lo;
        this.wide = Double.isInfinite(width);
        this.single = !(width > 0);
        this.scale = single ? 0 : wide ? n / (hi / 2 - lo / 2) : n / width;
        this.edges = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            edges[i] = edge(i);
        }
    }

    double lo() {
        return lo;
    }

    double hi() {
        return hi;
    }

    int n() {
        return n;
    }

    int index(double x) {
        if (!(x >= lo && x <= hi)) {
            return -1;
        }
        if (single) {
            return 0;
        }
        int i = Math.min((int) ((wide ? x / 2 - lo / 2 : x - lo) * scale), n - 1);
        while (i < n - 1 && x >= edges[i + 1]) {
            i++;
        }
        while (i > 0 && x < edges[i]) {
            i--;
        }
        return i;
    }

    /** The lower edge of bin {@code i} (the upper edge of the last is {@code hi}). */
    double edge(int i) {
        if (i == n) {
            return hi;
        }
        return wide ? QuantileSearch.between(lo, hi, (double) i / n) : lo + (hi - lo) * i / n;
    }
}
