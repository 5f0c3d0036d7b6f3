package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SelectTest {
    /** Every rank of {@code values}, selected one after another on the same array, equals the sorted copy's. */
    private static void everyRank(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] a = values.clone();
        int[] ranks = IntStream.range(0, values.length).toArray();
        Random r = new Random(values.length);
        for (int i = ranks.length - 1; i > 0; i--) { // in random order
            int j = r.nextInt(i + 1);
            int t = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = t;
        }
        for (int k : ranks) {
            assertEquals(sorted[k], Select.kth(a, k), "rank " + k + " of " + values.length);
        }
    }

    @Test
    void equalsTheSortedArrayForRandomTiedSortedAndReversedData() {
        Random r = new Random(7);
        everyRank(r.doubles(2_000).toArray());
        everyRank(r.ints(3_000, 0, 4).asDoubleStream().toArray());
        everyRank(IntStream.range(0, 1_000).asDoubleStream().toArray());
        everyRank(IntStream.range(0, 1_000).map(i -> -i).asDoubleStream().toArray());
        everyRank(new double[500]);
        everyRank(new double[] {42});
        everyRank(new double[] {Double.NEGATIVE_INFINITY, 1e308, -1e-308, Double.POSITIVE_INFINITY, 0});
    }

    @Test
    void largeArraysOfFewDistinctValues() {
        double[] a = new Random(1).ints(2_000_000, 0, 3).asDoubleStream().toArray();
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int k : new int[] {0, 666_666, 1_000_000, 1_999_999}) {
            assertEquals(sorted[k], Select.kth(a, k));
        }
    }

    @Test
    void aRankOutsideTheArrayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Select.kth(new double[3], 3));
        assertThrows(IllegalArgumentException.class, () -> Select.kth(new double[0], 0));
    }
}
