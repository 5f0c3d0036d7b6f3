package org.mpjhpc.data.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact quantiles of data spread over workers, without moving the data. Each wanted
 * order statistic (0-based rank r) starts in an interval known to hold it (its bucket of
 * the first pass's {@link KeyBuckets}, or [min, max]) and is narrowed down by rounds: a
 * histogram of the values in its interval, summed over the workers, says which bin holds
 * rank r; the next round looks only inside that bin, between the smallest and largest
 * value it holds. Once the interval holds few values ({@link #GATHER}) they are gathered
 * (at once, whatever their number, when the second pass already {@code held} them) and
 * rank r is selected among them ({@link Select}). Quantiles interpolate linearly between
 * order statistics (numpy's default): q(p) = x[k] + (h - k)(x[k+1] - x[k]) with
 * h = (n - 1) p, k = floor(h).
 *
 * <p>With a rank slack s &gt; 0 a target stops as soon as its interval holds at most s
 * values (their ranks are known: the interval's first value has rank {@code below}); it
 * is then estimated inside that interval by its rank, as if the values in it were evenly
 * spread, so the estimate lies between order statistics at most s ranks away from the
 * wanted one, the guarantee of Spark's {@code approxQuantile}. Large data then often
 * needs no round at all.
 *
 * <p>Pure logic: the {@link Cluster} answers the rounds, over MPI or in a unit test.
 */
final class QuantileSearch {
    static final int BINS = 4096;
    static final int GATHER = 1 << 16;

    /** Values in [lo, hi]: a histogram of them, or all of them. */
    record Query(double lo, double hi, boolean gather) {
    }

    /** The answer to a query, over all workers: per-bin counts, minima and maxima, or the values (in any order). */
    record Answer(long[] counts, double[] mins, double[] maxs, double[] values) {
    }

    /** Whoever holds the data answers a round of queries. */
    interface Cluster {
        List<Answer> answer(List<Query> queries);
    }

    /**
     * Values in [lo, hi], {@code inside} of them, with {@code below} smaller values outside;
     * {@code held}: the workers hold exactly these values in memory, so they are gathered at once.
     */
    record Interval(double lo, double hi, long below, long inside, boolean held) {
        Interval(double lo, double hi, long below, long inside) {
            this(lo, hi, below, inside, false);
        }
    }

    /** Where the search starts for each wanted rank. */
    interface Locator {
        Interval locate(long rank);
    }

    private static final class Target {
        final long rank;
        double lo;
        double hi;
        long below;
        long inside;
        double value = Double.NaN;
        boolean resolved;
        /** The workers hold this interval's values: they are gathered at once, whatever their number. */
        boolean held;

        Target(long rank, Interval start) {
            this.rank = rank;
            this.lo = start.lo();
            this.hi = start.hi();
            this.below = start.below();
            this.inside = start.inside();
            this.held = start.held();
            if (lo == hi) {
                value = lo;
                resolved = true;
            }
        }

        Query query() {
            return new Query(lo, hi, held || inside <= GATHER);
        }
    }

    private QuantileSearch() {
    }

    /** The 0-based ranks whose values the quantiles {@code ps} of {@code count} values interpolate, ascending. */
    static long[] ranks(List<Double> ps, long count) {
        long[] ranks = new long[2 * ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            ranks[2 * i] = (long) Math.floor((count - 1) * ps.get(i));
            ranks[2 * i + 1] = Math.min(ranks[2 * i] + 1, count - 1);
        }
        Arrays.sort(ranks);
        int n = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (n == 0 || ranks[i] != ranks[n - 1]) {
                ranks[n++] = ranks[i];
            }
        }
        return Arrays.copyOf(ranks, n);
    }

    /**
     * The quantiles {@code ps} of {@code count} values; NaN for no values.
     *
     * @param slack how many ranks an order statistic may be off: 0 for exact quantiles
     * @param start where each rank of {@link #ranks} lies
     */
    static double[] quantiles(List<Double> ps, long count, long slack, Locator start, Cluster cluster) {
        double[] out = new double[ps.size()];
        if (count == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        Map<Long, Target> targets = new LinkedHashMap<>();
        for (long r : ranks(ps, count)) {
            Target t = new Target(r, start.locate(r));
            estimateWithin(t, slack);
            targets.put(r, t);
        }
        search(new ArrayList<>(targets.values()), slack, cluster);
        for (int i = 0; i < out.length; i++) {
            double h = (count - 1) * ps.get(i);
            long k = (long) Math.floor(h);
            double lower = targets.get(k).value;
            double upper = targets.get(Math.min(k + 1, count - 1)).value;
            out[i] = h == k ? lower : between(lower, upper, h - k);
        }
        return out;
    }

    /**
     * {@code lo + f * (hi - lo)} (numpy's formula), for {@code lo <= hi} and f in [0, 1];
     * when {@code hi - lo} overflows (values near 1e308 of both signs) the weighted form,
     * which cannot, kept inside [lo, hi].
     */
    static double between(double lo, double hi, double f) {
        double width = hi - lo;
        double x = Double.isInfinite(width) ? lo * (1 - f) + hi * f : lo + f * width;
        return Math.min(hi, Math.max(lo, x));
    }

    private static void search(List<Target> targets, long slack, Cluster cluster) {
        while (true) {
            List<Query> queries = new ArrayList<>();
            for (Target t : targets) {
                if (!t.resolved && !queries.contains(t.query())) {
                    queries.add(t.query());
                }
            }
            if (queries.isEmpty()) {
                return;
            }
            List<Answer> answers = cluster.answer(queries);
            for (Target t : targets) {
                if (!t.resolved) {
                    Answer a = answers.get(queries.indexOf(t.query()));
                    if (t.query().gather()) {
                        t.value = Select.kth(a.values(), (int) (t.rank - t.below));
                        t.resolved = true;
                    } else {
                        narrow(t, a);
                        estimateWithin(t, slack);
                    }
                }
            }
        }
    }

    /** Resolves the target by its rank inside its interval when that holds at most {@code slack} values. */
    private static void estimateWithin(Target t, long slack) {
        if (!t.resolved && t.inside > 0 && t.inside <= slack) {
            double at = (t.rank - t.below + 0.5) / t.inside;
            t.value = between(t.lo, t.hi, at);
            t.resolved = true;
        }
    }

    /** Moves the target into the bin that holds its rank. */
    private static void narrow(Target t, Answer a) {
        long before = t.below;
        for (int j = 0; j < a.counts().length; j++) {
            if (t.rank < before + a.counts()[j]) {
                boolean progress = a.mins()[j] > t.lo || a.maxs()[j] < t.hi || a.counts()[j] < t.inside;
                t.below = before;
                t.lo = a.mins()[j];
                t.hi = a.maxs()[j];
                t.inside = progress ? a.counts()[j] : 0; // no progress: gather what is left
                if (t.lo == t.hi) {
                    t.value = t.lo;
                    t.resolved = true;
                }
                return;
            }
            before += a.counts()[j];
        }
        throw new IllegalStateException("rank " + t.rank + " not in the histogram: counts do not add up");
    }
}
