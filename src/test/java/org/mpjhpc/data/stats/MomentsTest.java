package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class MomentsTest {
    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1.0, Math.abs(expected)), what);
    }

    private static void check(double[] values, int parts, long seed) {
        DescriptiveStatistics reference = new DescriptiveStatistics(values);
        Moments onePass = Moments.EMPTY;
        for (double v : values) {
            onePass = onePass.add(v);
        }
        // split at random points, merge the parts in a random tree order
        Random random = new Random(seed);
        Moments[] partial = new Moments[parts];
        java.util.Arrays.fill(partial, Moments.EMPTY);
        for (double v : values) {
            int p = random.nextInt(parts);
            partial[p] = partial[p].add(v);
        }
        java.util.List<Moments> pool = new java.util.ArrayList<>(java.util.List.of(partial));
        while (pool.size() > 1) {
            Moments a = pool.remove(random.nextInt(pool.size()));
            Moments b = pool.remove(random.nextInt(pool.size()));
            pool.add(a.merge(b));
        }
        Moments merged = pool.get(0);
        for (Moments m : new Moments[] {onePass, merged}) {
            assertEquals(reference.getN(), m.count());
            close(reference.getMean(), m.average(), "mean");
            close(reference.getVariance(), m.variance(), "variance");
            close(reference.getStandardDeviation(), m.stddev(), "stddev");
            assertEquals(reference.getMin(), m.min());
            assertEquals(reference.getMax(), m.max());
            close(reference.getSum(), m.sum(), "sum");
        }
        close(onePass.variance(), merged.variance(), "merge equals one pass");
    }

    @Test
    void mergeOfPartsEqualsOnePassAndCommonsMathOnRandomData() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] values = new double[1 + random.nextInt(5000)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextGaussian() * 100 + 3;
            }
            check(values, 1 + random.nextInt(8), trial);
        }
    }

    @Test
    void largeOffsetWithSmallSpreadKeepsItsVariance() {
        Random random = new Random(11);
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e9 + random.nextDouble();
        }
        check(values, 4, 3);
        Moments m = Moments.EMPTY;
        for (double v : values) {
            m = m.add(v);
        }
        assertEquals(1.0 / 12, m.variance(), 2e-3, "uniform [0,1) has variance 1/12");
    }

    @Test
    void emptyAndSingleStatesMergeAsIdentity() {
        Moments one = Moments.EMPTY.add(5);
        assertEquals(one, one.merge(Moments.EMPTY));
        assertEquals(one, Moments.EMPTY.merge(one));
        assertEquals(Double.NaN, one.variance());
        assertEquals(one, Moments.fromArray(one.toArray(), 0));
    }

    /** Exact mean and sample standard deviation by BigDecimal, for values whose squares overflow a double. */
    private static double[] exact(double[] values) {
        java.math.MathContext mc = new java.math.MathContext(40);
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (double v : values) {
            sum = sum.add(new java.math.BigDecimal(v));
        }
        java.math.BigDecimal mean = sum.divide(java.math.BigDecimal.valueOf(values.length), mc);
        java.math.BigDecimal m2 = java.math.BigDecimal.ZERO;
        for (double v : values) {
            java.math.BigDecimal d = new java.math.BigDecimal(v).subtract(mean);
            m2 = m2.add(d.multiply(d));
        }
        java.math.BigDecimal var = m2.divide(java.math.BigDecimal.valueOf(values.length - 1), mc);
        return new double[] {mean.doubleValue(), var.sqrt(mc).doubleValue(), var.doubleValue()};
    }

    @Test
    void valuesNear1e308KeepAFiniteMeanAndStddev() {
        double[] values = {1e308, -1e308, 1e308, 1.5e308, -Double.MAX_VALUE, 3};
        double[] ref = exact(values);
        Moments onePass = Moments.EMPTY;
        for (double v : values) {
            onePass = onePass.add(v);
        }
        Moments merged = Moments.EMPTY.add(values[0]).add(values[1]).merge(
                Moments.EMPTY.add(values[2]).add(values[3]).merge(Moments.EMPTY.add(values[4]).add(values[5])));
        for (Moments m : new Moments[] {onePass, merged, Moments.fromArray(merged.toArray(), 0)}) {
            close(ref[0], m.average(), "mean");
            close(ref[1], m.stddev(), "stddev");
            assertEquals(Double.POSITIVE_INFINITY, m.variance(), "the variance itself lies beyond the double range");
            assertEquals(-Double.MAX_VALUE, m.min());
            assertEquals(1.5e308, m.max());
        }
    }

    @Test
    void twoWorkersFarApartMergeWithoutOverflow() {
        Moments a = Moments.EMPTY.add(1e300).add(1e300 + 1e284);
        Moments b = Moments.EMPTY.add(-1e300).add(-1e300 - 1e284);
        double[] ref = exact(new double[] {1e300, 1e300 + 1e284, -1e300, -1e300 - 1e284});
        close(ref[0], a.merge(b).average(), "mean");
        close(ref[1], a.merge(b).stddev(), "stddev");
        close(ref[1], b.merge(a).stddev(), "stddev, other order");
    }

    /** Any finite doubles, any split: mean and stddev match exact arithmetic and stay finite. */
    @net.jqwik.api.Property(tries = 300)
    void anyFiniteValuesGiveAFiniteMeanAndStddev(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(min = 2, max = 40) java.util.List<
                    @net.jqwik.api.constraints.DoubleRange(min = -Double.MAX_VALUE, max = Double.MAX_VALUE) Double> list,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 5) int parts) {
        double[] values = list.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ref = exact(values);
        Moments[] partial = new Moments[parts];
        java.util.Arrays.fill(partial, Moments.EMPTY);
        for (int i = 0; i < values.length; i++) {
            partial[i % parts] = partial[i % parts].add(values[i]);
        }
        Moments m = Moments.EMPTY;
        for (Moments p : partial) {
            m = m.merge(p);
        }
        assertEquals(values.length, m.count());
        assertEquals(ref[0], m.average(), 1e-9 * Math.max(Math.abs(ref[1]), Math.abs(ref[0])) + 1e-300, "mean");
        if (Double.isFinite(ref[1])) {
            // No double computation resolves a spread finer than the values' own rounding
            // (and the reference's: [0.01, 0.01] gave it 1.3e-42, not 0): hence the floor.
            double floor = 1e-15 * java.util.Arrays.stream(values).map(Math::abs).max().orElse(0);
            assertEquals(ref[1], m.stddev(), 1e-6 * ref[1] + floor + 1e-300, "stddev");
        }
    }

    @Test
    void aNanMakesEveryStatisticNan() {
        Moments m = Moments.EMPTY.add(1).add(Double.NaN).add(2).merge(Moments.EMPTY.add(5));
        assertEquals(4, m.count());
        for (double x : new double[] {m.average(), m.sum(), m.variance(), m.stddev(), m.min(), m.max()}) {
            assertEquals(Double.NaN, x);
        }
    }
}
