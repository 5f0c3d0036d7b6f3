package org.mpjhpc.data;

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
}
