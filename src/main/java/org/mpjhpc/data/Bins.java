package org.mpjhpc.data;

/**
 * Equal-width bins over a closed interval [lo, hi]. A value's bin is
 * {@code floor((x - lo) * (n / (hi - lo)))}, the top value going to the last bin; this is
 * monotone in x, so every value of a bin is at most every value of the next one, which
 * the quantile search relies on. Values outside [lo, hi] (and NaN) have no bin.
 */
final class Bins {
    private final double lo;
    private final double hi;
    private final int n;
    /** n / (hi - lo), computed once: {@link #index} runs once per value of every scan. */
    private final double scale;
    /** One value, or a range too wide for a double: everything in one bin (still monotone). */
    private final boolean single;

    Bins(double lo, double hi, int n) {
        this.lo = lo;
        this.hi = hi;
        this.n = n;
        double width = hi - lo;
        this.single = !(width > 0) || Double.isInfinite(width);
        this.scale = single ? 0 : n / width;
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
        return Math.min((int) ((x - lo) * scale), n - 1);
    }

    /** The lower edge of bin {@code i} (the upper edge of the last is {@code hi}). */
    double edge(int i) {
        return i == n ? hi : lo + (hi - lo) * i / n;
    }
}
