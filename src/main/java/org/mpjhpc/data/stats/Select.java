package org.mpjhpc.data.stats;

import java.util.Arrays;

/**
 * The k-th smallest of an array in linear time (quickselect with a three-way partition, so
 * that many equal values cost nothing extra). Why not a sort: the quantile search reads one
 * or two order statistics out of each gathered interval, and the master's sort of a few
 * hundred thousand gathered values took longer than the workers' whole scan of them.
 * Pure; it permutes the array, and later selections on it stay correct.
 */
final class Select {
    /** After this many partitions without reaching k the rest is sorted: bounds the worst case. */
    private static final int ROUNDS = 64;

    private Select() {
    }

    /** The value of rank {@code k} (0-based) of {@code a}, none of them NaN; {@code a} is reordered. */
    static double kth(double[] a, int k) {
        if (k < 0 || k >= a.length) {
            throw new IllegalArgumentException("rank " + k + " of " + a.length + " values");
        }
        int lo = 0;
        int hi = a.length - 1;
        for (int round = 0; lo < hi; round++) {
            if (round == ROUNDS) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            double pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            // a[lo..lt-1] < pivot, a[lt..gt] == pivot, a[gt+1..hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double x = a[i];
                if (x < pivot) {
                    swap(a, lt++, i++);
                } else if (x > pivot) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[k];
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
