package org.mpjhpc.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The kernels' arithmetic without MPI. */
class KernelMathTest {
    @Test
    void blocksCoverTheTotalAsEvenlyAsCanBe() {
        for (int total = 0; total < 50; total++) {
            for (int parts = 1; parts < 9; parts++) {
                int[] b = KernelMath.blocks(total, parts);
                assertEquals(total, Arrays.stream(b).sum());
                assertTrue(Arrays.stream(b).max().getAsInt() - Arrays.stream(b).min().getAsInt() <= 1);
            }
        }
    }

    @Test
    void theClosedFormIsTheSumOfSquares() {
        long sum = 0;
        for (long m = 1; m <= 2000; m++) {
            sum += m * m;
            assertEquals((double) sum, KernelMath.sumOfSquares(m), "m = " + m);
        }
    }

    @Test
    void gridsAreAsSquareAsTheRankCountAllows() {
        assertArrayEquals(new int[] {1, 1}, KernelMath.grid(1));
        assertArrayEquals(new int[] {1, 3}, KernelMath.grid(3));
        assertArrayEquals(new int[] {2, 2}, KernelMath.grid(4));
        assertArrayEquals(new int[] {2, 3}, KernelMath.grid(6));
        assertArrayEquals(new int[] {4, 4}, KernelMath.grid(16));
    }

    @Test
    void blockedProductsAddUpToTheProduct() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int round = 0; round < 20; round++) {
            int q = 1 + rnd.nextInt(4);
            int n = q * (1 + rnd.nextInt(5));
            int bs = n / q;
            double[] a = KernelMath.matrix(n, round);
            double[] b = KernelMath.matrix(n, round + 100);
            double[] c = new double[n * n];
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    double[] blk = new double[bs * bs];
                    for (int k = 0; k < q; k++) {
                        KernelMath.multiplyAdd(KernelMath.block(a, n, bs, i, k), KernelMath.block(b, n, bs, k, j), blk,
                                bs, bs, bs);
                    }
                    KernelMath.place(blk, c, n, bs, i, j);
                }
            }
            assertArrayEquals(KernelMath.product(a, b, n), c, "round " + round);
            double[] naive = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        naive[i * n + j] += a[i * n + k] * b[k * n + j];
                    }
                }
            }
            assertArrayEquals(naive, c, "round " + round + " against the textbook loop");
        }
    }
}
