package org.mpjhpc.data;

import java.util.List;

/**
 * The values that may answer a round of the quantile search: those in the bins of the
 * search's first histogram (over the global [min, max]) that hold one of the round's
 * queries. Every later query lies inside one bin of that histogram (each round narrows
 * into a bin of the last), so no value is missed. Why: a query's own test, {@code lo <= x
 * <= hi} around a median, is true for half the values in no pattern, and the processor
 * mispredicts it (measured: 5 to 15 ns a value); "is x in a wanted bin" is almost always
 * false, and predicted.
 */
final class Candidates {
    private final Bins first;
    private final boolean[] wanted;
    private double[] picked = new double[0];

    Candidates(Bins first, List<QuantileSearch.Query> queries) {
        this.first = first;
        this.wanted = new boolean[first.n()];
        for (QuantileSearch.Query q : queries) {
            int from = first.index(Math.max(q.lo(), first.lo()));
            int to = first.index(Math.min(q.hi(), first.hi()));
            for (int b = Math.max(0, from); b <= to; b++) {
                wanted[b] = true; // monotone bins: the values in [lo, hi] have indexes from..to
            }
        }
    }

    /** Hands {@code kernel} the candidates among entries {@code from} to {@code to} of {@code v}. */
    void scan(double[] v, int from, int to, KeptValues.Kernel kernel) {
        if (picked.length < to - from) {
            picked = new double[to - from];
        }
        int m = 0;
        for (int i = from; i < to; i++) {
            int b = first.index(v[i]);
            if (b >= 0 && wanted[b]) {
                picked[m++] = v[i];
            }
        }
        kernel.block(picked, 0, m);
    }
}
