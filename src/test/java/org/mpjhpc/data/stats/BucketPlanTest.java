package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The second pass and the quantile search as the job runs them, without MPI: workers'
 * {@link KeyBuckets} summed, the master's {@link BucketPlan}, each worker's
 * {@link SecondPass.EdgeScan}, the search over what they gathered; checked against a plain
 * classification of every value and against sorted data.
 */
class BucketPlanTest {
    private static final List<Double> PS = List.of(0.0, 0.001, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0);

    /** What the job reports, and how many buckets it looked inside. */
    private record Outcome(long[] histogram, long outliers, double[] quantiles, int edges, int rounds) {
    }

    private static Outcome run(double[] all, int workers, int bins, long slack, long cap) {
        List<double[]> parts = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            double[] p = Arrays.copyOfRange(all, all.length * w / workers, all.length * (w + 1) / workers);
            KeyBuckets keys = new KeyBuckets();
            Arrays.stream(p).forEach(keys::add);
            parts.add(p);
            encoded.add(keys.encode(Arrays.stream(all).min().getAsDouble(), Arrays.stream(all).max().getAsDouble()));
        }
        Moments m = moments(all);
        Bins b = new Bins(m.min(), m.max(), bins);
        BucketPlan plan = new BucketPlan(KeyBuckets.sum(encoded), summary(b, m), QuantileSearch.ranks(PS, all.length),
                slack, cap);
        byte[] flags = plan.encode();
        long[] histogram = plan.whole.counts.clone();
        long outliers = plan.whole.outliers;
        List<Function<QuantileSearch.Query, KeptValues>> searched = new ArrayList<>();
        for (double[] p : parts) {
            SecondPass.EdgeScan scan = new SecondPass.EdgeScan(BucketPlan.decode(flags), summary(b, m));
            KeptValues.of(p, p.length).scan(scan);
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += scan.exact.counts[i];
            }
            outliers += scan.exact.outliers;
            searched.add(BucketPlan.gathers(flags) ? q -> held(scan.heldNear(q.lo())) : q -> KeptValues.of(p, p.length));
        }
        int[] rounds = {0};
        double[] q = QuantileSearch.quantiles(PS, all.length, slack, plan.starts::get,
                QuantileSearchTest.searching(searched, rounds));
        int edges = 0;
        for (int f : BucketPlan.decode(flags)) {
            edges += (f & BucketPlan.EDGE) != 0 ? 1 : 0;
        }
        return new Outcome(histogram, outliers, q, edges, rounds[0]);
    }

    private static KeptValues held(double[] values) {
        return KeptValues.of(values, values.length);
    }

    private static SecondPass.Summary summary(Bins b, Moments m) {
        return new SecondPass.Summary(b, m.average(), m.stddev(), 2.5);
    }

    private static Moments moments(double[] all) {
        Moments m = Moments.EMPTY;
        for (double x : all) {
            m = m.add(x);
        }
        return m;
    }

    /** The histogram, outliers and quantiles equal those of every value classified alone and of sorted data. */
    private static void check(double[] all, int workers, long cap) {
        Outcome got = run(all, workers, 30, 0, cap);
        Moments m = moments(all);
        SecondPass.Summary plain = summary(new Bins(m.min(), m.max(), 30), m);
        Arrays.stream(all).forEach(plain::add);
        assertArrayEquals(plain.counts, got.histogram());
        assertEquals(plain.outliers, got.outliers());
        assertTrue(got.edges() <= 31, "buckets classified value by value: " + got.edges()); // 29 inner edges, 2 limits
        if (cap == BucketPlan.CAP) { // the values the second pass held are gathered at once
            assertTrue(got.rounds() <= 1, "search rounds: " + got.rounds());
        }
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < PS.size(); i++) { // numpy's default, the definition the report states
            double h = (all.length - 1) * PS.get(i);
            int k = (int) Math.floor(h);
            double upper = sorted[Math.min(k + 1, all.length - 1)];
            double expected = h == k ? sorted[k] : sorted[k] + (h - k) * (upper - sorted[k]);
            assertEquals(expected, got.quantiles()[i], "p=" + PS.get(i));
        }
    }

    private static double[][] dataSets() {
        Random r = new Random(17);
        double[] mixed = new double[200_000];
        for (int i = 0; i < mixed.length; i++) { // both signs, zeros of both signs, tiny and huge magnitudes
            int kind = r.nextInt(10);
            mixed[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : kind == 2 ? Double.MIN_VALUE * r.nextInt(3)
                    : r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6);
        }
        return new double[][] {
            r.doubles(300_000).map(x -> Math.round((25 + 5 * r.nextGaussian()) * 1000) / 1000.0).toArray(),
            r.doubles(200_000).map(x -> 1e9 + x).toArray(), // one bucket holds all
            r.ints(150_000, 0, 5).asDoubleStream().toArray(), // ties on bin edges
            mixed,
            {-Double.MAX_VALUE, 0, Double.MAX_VALUE},
            {42},
        };
    }

    @Test
    void sameHistogramOutliersAndQuantilesAsEveryValueClassifiedAlone() {
        for (double[] all : dataSets()) {
            check(all, 3, BucketPlan.CAP);
        }
    }

    @Test
    void tooManyValuesToGatherAndTheSearchScansThemAll() {
        for (double[] all : dataSets()) {
            check(all, 2, 0);
        }
    }

    @Test
    void withASlackQuantilesStayWithinThatManyRanks() {
        for (double[] all : dataSets()) {
            double[] sorted = all.clone();
            Arrays.sort(sorted);
            long slack = Math.max(1, all.length / 1000);
            double[] got = run(all, 2, 30, slack, BucketPlan.CAP).quantiles();
            for (int i = 0; i < PS.size(); i++) {
                int k = (int) Math.floor((all.length - 1) * PS.get(i));
                double low = sorted[(int) Math.max(0, k - slack)];
                double high = sorted[(int) Math.min(all.length - 1, k + 1 + slack)];
                assertTrue(got[i] >= low && got[i] <= high, "p=" + PS.get(i) + ": " + got[i]);
            }
        }
    }

    @Test
    void bucketsFollowTheOrderOfValuesAndHoldThemBetweenTheirEnds() {
        Random r = new Random(5);
        double[] xs = new double[100_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i % 7 == 0 ? -0.0 : Double.longBitsToDouble(r.nextLong());
        }
        xs = Arrays.stream(xs).filter(x -> !Double.isNaN(x)).sorted().toArray();
        for (int i = 0; i < xs.length; i++) {
            int b = KeyBuckets.bucket(xs[i]);
            assertTrue(i == 0 || KeyBuckets.bucket(xs[i - 1]) <= b, "order at " + xs[i]);
            double lo = KeyBuckets.low(b);
            double hi = KeyBuckets.high(b);
            assertTrue((Double.isNaN(lo) || lo <= xs[i]) && (Double.isNaN(hi) || xs[i] <= hi), xs[i] + " in " + b);
        }
        assertEquals(KeyBuckets.bucket(0.0), KeyBuckets.bucket(-0.0));
        assertTrue(KeyBuckets.high(KeyBuckets.bucket(0.0) - 1) < 0, "the bucket below zero ends below zero");
    }
}
