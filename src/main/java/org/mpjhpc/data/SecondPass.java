package org.mpjhpc.data;

import java.util.Arrays;
import java.util.List;

/**
 * The local kernels that need the global statistics: outliers, the histogram, and the
 * answers to the quantile search's queries. Pure: they see one worker's kept values.
 */
final class SecondPass {
    private SecondPass() {
    }

    /** Values farther than {@code z} standard deviations from the mean. */
    static long outliers(double[] v, int n, double mean, double stddev, double z) {
        double limit = z * stddev;
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(v[i] - mean) > limit) {
                count++;
            }
        }
        return count;
    }

    static long[] histogram(double[] v, int n, Bins bins) {
        long[] counts = new long[bins.n()];
        for (int i = 0; i < n; i++) {
            int b = bins.index(v[i]);
            if (b >= 0) {
                counts[b]++;
            }
        }
        return counts;
    }

    /**
     * The histograms of several queries in one scan of the values: the queries of a round
     * are narrow and few, so one pass over memory serves them all.
     */
    static QuantileSearch.Answer[] histograms(double[] v, int n, List<QuantileSearch.Query> queries) {
        int q = queries.size();
        Bins[] bins = new Bins[q];
        double[] lo = new double[q];
        double[] hi = new double[q];
        QuantileSearch.Answer[] out = new QuantileSearch.Answer[q];
        for (int k = 0; k < q; k++) {
            bins[k] = new Bins(queries.get(k).lo(), queries.get(k).hi(), QuantileSearch.BINS);
            lo[k] = bins[k].lo();
            hi[k] = bins[k].hi();
            out[k] = new QuantileSearch.Answer(new long[QuantileSearch.BINS], filled(Double.POSITIVE_INFINITY),
                    filled(Double.NEGATIVE_INFINITY), null);
        }
        for (int i = 0; i < n; i++) {
            double x = v[i];
            for (int k = 0; k < q; k++) {
                if (x >= lo[k] && x <= hi[k]) {
                    int b = bins[k].index(x);
                    QuantileSearch.Answer a = out[k];
                    a.counts()[b]++;
                    a.mins()[b] = Math.min(a.mins()[b], x);
                    a.maxs()[b] = Math.max(a.maxs()[b], x);
                }
            }
        }
        return out;
    }

    private static double[] filled(double value) {
        double[] a = new double[QuantileSearch.BINS];
        Arrays.fill(a, value);
        return a;
    }

    /** The values in the query's interval, sorted. */
    static double[] gather(double[] v, int n, QuantileSearch.Query q) {
        double[] out = new double[64];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] >= q.lo() && v[i] <= q.hi()) {
                if (k == out.length) {
                    out = Arrays.copyOf(out, k * 2);
                }
                out[k++] = v[i];
            }
        }
        double[] sorted = Arrays.copyOf(out, k);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Merges sorted arrays into one sorted array. */
    static double[] merge(List<double[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        double[] all = new double[total];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        return all;
    }
}
