package org.mpjhpc.data;

import java.util.Arrays;
import java.util.List;

/**
 * The local kernels that need the global statistics, fed block by block
 * ({@link KeptValues.Kernel}) so that one scan of the values serves several of them.
 * Pure: they see one worker's kept values.
 */
final class SecondPass {
    private SecondPass() {
    }

    /**
     * The histogram over the global [min, max] and the values farther than {@code z}
     * standard deviations from the mean, in one scan.
     */
    static final class Summary implements KeptValues.Kernel {
        final long[] counts;
        long outliers;
        private final Bins bins;
        private final double mean;
        private final double limit;

        Summary(Bins bins, double mean, double stddev, double z) {
            this.bins = bins;
            this.counts = new long[bins.n()];
            this.mean = mean;
            this.limit = z * stddev;
        }

        @Override
        public void block(double[] v, int from, int to) {
            long far = 0;
            for (int i = from; i < to; i++) {
                double x = v[i];
                int b = bins.index(x);
                if (b >= 0) {
                    counts[b]++;
                }
                if (Math.abs(x - mean) > limit) {
                    far++;
                }
            }
            outliers += far;
        }
    }

    /**
     * The histograms of several quantile queries in one scan: the queries of a round are
     * narrow and few, so one pass over memory serves them all.
     */
    static final class Histograms implements KeptValues.Kernel {
        final QuantileSearch.Answer[] answers;
        private final Bins[] bins;

        Histograms(List<QuantileSearch.Query> queries) {
            int q = queries.size();
            bins = new Bins[q];
            answers = new QuantileSearch.Answer[q];
            for (int k = 0; k < q; k++) {
                bins[k] = new Bins(queries.get(k).lo(), queries.get(k).hi(), QuantileSearch.BINS);
                answers[k] = new QuantileSearch.Answer(new long[QuantileSearch.BINS],
                        filled(Double.POSITIVE_INFINITY), filled(Double.NEGATIVE_INFINITY), null);
            }
        }

        @Override
        public void block(double[] v, int from, int to) {
            for (int k = 0; k < bins.length; k++) {
                one(bins[k], answers[k], v, from, to);
            }
        }

        private static void one(Bins bins, QuantileSearch.Answer a, double[] v, int from, int to) {
            long[] counts = a.counts();
            double[] mins = a.mins();
            double[] maxs = a.maxs();
            for (int i = from; i < to; i++) {
                double x = v[i];
                int b = bins.index(x);
                if (b >= 0) {
                    counts[b]++;
                    if (x < mins[b]) {
                        mins[b] = x;
                    }
                    if (x > maxs[b]) {
                        maxs[b] = x;
                    }
                }
            }
        }
    }

    private static double[] filled(double value) {
        double[] a = new double[QuantileSearch.BINS];
        Arrays.fill(a, value);
        return a;
    }

    /** The values in the intervals of several queries, collected for sorting, in one scan. */
    static final class Gather implements KeptValues.Kernel {
        private final double[] lo;
        private final double[] hi;
        private final double[][] out;
        private final int[] n;

        Gather(List<QuantileSearch.Query> queries) {
            int q = queries.size();
            lo = new double[q];
            hi = new double[q];
            out = new double[q][64];
            n = new int[q];
            for (int k = 0; k < q; k++) {
                lo[k] = queries.get(k).lo();
                hi[k] = queries.get(k).hi();
            }
        }

        @Override
        public void block(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                double x = v[i];
                for (int k = 0; k < lo.length; k++) {
                    if (x >= lo[k] && x <= hi[k]) {
                        add(k, x);
                    }
                }
            }
        }

        private void add(int k, double x) {
            if (n[k] == out[k].length) {
                out[k] = Arrays.copyOf(out[k], n[k] * 2);
            }
            out[k][n[k]++] = x;
        }

        /** The values of query {@code k}, sorted. */
        double[] sorted(int k) {
            double[] s = Arrays.copyOf(out[k], n[k]);
            Arrays.sort(s);
            return s;
        }
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
