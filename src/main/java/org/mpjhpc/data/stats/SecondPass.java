package org.mpjhpc.data.stats;

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
     * standard deviations from the mean: their definitions, value by value. Both classify
     * monotonically ({@link Bins#index}, {@link #side}), so whole buckets of values can be
     * classified by their ends ({@link BucketPlan}).
     */
    static final class Summary {
        final long[] counts;
        long outliers;
        final Bins bins;
        private final double mean;
        private final double limit;

        Summary(Bins bins, double mean, double stddev, double z) {
            this.bins = bins;
            this.counts = new long[bins.n()];
            this.mean = mean;
            this.limit = z * stddev;
        }

        void add(double x) {
            int b = bins.index(x);
            if (b >= 0) {
                counts[b]++;
            }
            if (far(x)) {
                outliers++;
            }
        }

        boolean far(double x) {
            return Math.abs(x - mean) > limit;
        }

        /**
         * 0 far below the mean, 1 near it, 2 far above: non-decreasing in x, since the
         * rounded x - mean is.
         */
        int side(double x) {
            return !far(x) ? 1 : x < mean ? 0 : 2;
        }

        /** The counts and the outliers, as one array for a Reduce. */
        long[] toArray() {
            long[] all = Arrays.copyOf(counts, counts.length + 1);
            all[counts.length] = outliers;
            return all;
        }
    }

    /**
     * A worker's second pass: the values in the buckets the {@link BucketPlan} flagged,
     * classified one by one ({@link BucketPlan#EDGE}) or kept for the quantile search
     * ({@link BucketPlan#QUANT}). Every other value costs a table lookup that finds
     * nothing, a branch the processor predicts.
     */
    static final class EdgeScan implements KeptValues.Kernel {
        final Summary exact;
        private final int[] flags;
        /** The values of each {@link BucketPlan#QUANT} bucket, by slot, and how many. */
        private double[][] kept = new double[0][];
        private int[] n = new int[0];

        /** @param flags from {@link BucketPlan#decode} */
        EdgeScan(int[] flags, Summary exact) {
            this.flags = flags;
            this.exact = exact;
        }

        @Override
        public void block(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                int f = flags[KeyBuckets.bucket(v[i])];
                if (f != 0) {
                    flagged(v[i], f);
                }
            }
        }

        private void flagged(double x, int f) {
            if ((f & BucketPlan.EDGE) != 0) {
                exact.add(x);
            }
            if ((f & BucketPlan.QUANT) != 0) {
                keep(f >>> BucketPlan.SLOT, x);
            }
        }

        private void keep(int slot, double x) {
            if (slot >= kept.length) {
                kept = Arrays.copyOf(kept, slot + 1);
                n = Arrays.copyOf(n, slot + 1);
            }
            if (kept[slot] == null || n[slot] == kept[slot].length) {
                kept[slot] = kept[slot] == null ? new double[1024] : Arrays.copyOf(kept[slot], n[slot] * 2);
            }
            kept[slot][n[slot]++] = x;
        }

        /**
         * The values kept in the bucket of {@code x} (a bucket flagged {@link BucketPlan#QUANT}):
         * every quantile query lies inside one such bucket, and needs only its values.
         */
        double[] heldNear(double x) {
            int slot = flags[KeyBuckets.bucket(x)] >>> BucketPlan.SLOT;
            return slot < kept.length && kept[slot] != null ? Arrays.copyOf(kept[slot], n[slot]) : new double[0];
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

    /** The values in the intervals of several queries, collected in one scan. */
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

        /** The values of query {@code k}. */
        double[] values(int k) {
            return Arrays.copyOf(out[k], n[k]);
        }
    }
}
