package org.mpjhpc.kernels;

import java.util.SplittableRandom;

/** The kernels' arithmetic without MPI: data, block sizes, closed forms, the serial reference. */
final class KernelMath {
    private KernelMath() {
    }

    /** {@code total} split into {@code parts} blocks as evenly as can be, the larger ones first. */
    static int[] blocks(int total, int parts) {
        int[] counts = new int[parts];
        for (int r = 0; r < parts; r++) {
            counts[r] = total / parts + (r < total % parts ? 1 : 0);
        }
        return counts;
    }

    /** 1^2 + 2^2 + ... + m^2. */
    static double sumOfSquares(long m) {
        return (double) m * (m + 1) * (2 * m + 1) / 6;
    }

    /** Whole numbers 0..999 from the seed: their sums are exact in doubles. */
    static double[] values(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = rnd.nextInt(1000);
        }
        return v;
    }

    /** An n x n matrix, row-major, of whole numbers -4..4: its products are exact in doubles. */
    static double[] matrix(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] m = new double[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = rnd.nextInt(9) - 4;
        }
        return m;
    }

    /** c += a x b for a (rows x k), b (k x cols), c (rows x cols), all row-major. */
    static void multiplyAdd(double[] a, double[] b, double[] c, int rows, int k, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int l = 0; l < k; l++) {
                double x = a[i * k + l];
                int bRow = l * cols;
                int cRow = i * cols;
                for (int j = 0; j < cols; j++) {
                    c[cRow + j] += x * b[bRow + j];
                }
            }
        }
    }

    /** The serial product of two n x n matrices. */
    static double[] product(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        multiplyAdd(a, b, c, n, n, n);
        return c;
    }

    /** The two dimensions of a grid of p ranks, as square as p allows (rows <= columns). */
    static int[] grid(int p) {
        int rows = (int) Math.sqrt(p);
        while (p % rows != 0) {
            rows--;
        }
        return new int[] {rows, p / rows};
    }

    /** Block (bi, bj) of size b of an n x n row-major matrix. */
    static double[] block(double[] m, int n, int b, int bi, int bj) {
        double[] out = new double[b * b];
        for (int i = 0; i < b; i++) {
            System.arraycopy(m, (bi * b + i) * n + bj * b, out, i * b, b);
        }
        return out;
    }

    /** Puts block (bi, bj) of size b into an n x n row-major matrix. */
    static void place(double[] blk, double[] m, int n, int b, int bi, int bj) {
        for (int i = 0; i < b; i++) {
            System.arraycopy(blk, i * b, m, (bi * b + i) * n + bj * b, b);
        }
    }
}
