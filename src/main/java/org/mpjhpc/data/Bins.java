package org.mpjhpc.data;

/**
 * Equal-width bins over a closed interval [lo, hi]. A value's bin is
 * {@code floor((x - lo) * n / (hi - lo))}, the top value going to the last bin; this is
 * monotone in x, so every value of a bin is at most every value of the next one, which
 * the quantile search relies on. Values outside [lo, hi] (and NaN) have no bin.
 */
record Bins(double lo, double hi, int n) {
    int index(double x) {
        if (!(x >= lo && x <= hi)) {
            return -1;
        }
        double width = hi - lo;
        if (!(width > 0) || Double.isInfinite(width)) {
            return 0; // one value, or a range too wide for a double: one bin (still monotone)
        }
        int i = (int) ((x - lo) * (n / width));
        return Math.min(i, n - 1);
    }

    /** The lower edge of bin {@code i} (the upper edge of the last is {@code hi}). */
    double edge(int i) {
        return i == n ? hi : lo + (hi - lo) * i / n;
    }
}
