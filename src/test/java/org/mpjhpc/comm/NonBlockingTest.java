package org.mpjhpc.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The nonblocking Scatter and Gather built from point-to-point deliver what the blocking ones do. */
class NonBlockingTest {
    private static final Tag TAG = () -> TagRange.COMM.code(Thread.State.NEW);

    @Test
    void theNonblockingMinimumIsTheAllreduceMinimumBitForBit() throws Exception {
        SplittableRandom rnd = new SplittableRandom(8);
        for (int round = 0; round < 30; round++) {
            int size = 1 + rnd.nextInt(5);
            int width = 1 + rnd.nextInt(3);
            double[][] values = new double[size][];
            for (int r = 0; r < size; r++) {
                values[r] = rnd.doubles(width, -1, 1).toArray();
            }
            List<double[][]> got = ThreadComm.run(size, comm -> {
                double[] blocking = comm.allReduce(values[comm.rank()], Comm.Op.MIN);
                double[] first = NonBlocking.allMin(comm, values[comm.rank()], TAG).await();
                double[] second = NonBlocking.allMin(comm, values[comm.rank()], TAG).await(); // the next step's
                return new double[][] {blocking, first, second};
            });
            for (int r = 0; r < size; r++) {
                assertArrayEquals(got.get(0)[0], got.get(r)[1], "round " + round + " rank " + r);
                assertArrayEquals(got.get(0)[0], got.get(r)[2], "round " + round + " rank " + r + ", again");
            }
        }
    }

    @Test
    void iscatterAndIgatherBehaveLikeScatterAndGather() throws Exception {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int round = 0; round < 40; round++) {
            int size = 1 + rnd.nextInt(4);
            int root = rnd.nextInt(size);
            int[] counts = new int[size];
            for (int r = 0; r < size; r++) {
                counts[r] = rnd.nextInt(6); // empty blocks too
            }
            double[] all = rnd.doubles(java.util.Arrays.stream(counts).sum()).toArray();
            List<double[][]> got = ThreadComm.run(size, comm -> {
                double[] blocking = comm.scatter(all, counts, root);
                NonBlocking.Collective s = NonBlocking.scatter(comm, all, counts, root, TAG);
                double busy = 0; // work while the blocks travel
                for (int i = 0; i < 1000; i++) {
                    busy += Math.sqrt(i);
                }
                double[] nonBlocking = s.await();
                double[] mine = nonBlocking.clone();
                for (int i = 0; i < mine.length; i++) {
                    mine[i] += comm.rank() + (busy > 0 ? 0 : 1);
                }
                double[] gathered = comm.gather(mine, counts, root);
                double[] igathered = NonBlocking.gather(comm, mine, counts, root, TAG).await();
                return new double[][] {blocking, nonBlocking, gathered, igathered};
            });
            int at = 0;
            for (int r = 0; r < size; r++) {
                double[] expected = java.util.Arrays.copyOfRange(all, at, at + counts[r]);
                assertArrayEquals(expected, got.get(r)[0], "round " + round + " scatter at rank " + r);
                assertArrayEquals(expected, got.get(r)[1], "round " + round + " iscatter at rank " + r);
                if (r == root) {
                    assertArrayEquals(got.get(r)[2], got.get(r)[3], "round " + round + " igather");
                    assertEquals(all.length, got.get(r)[3].length);
                } else {
                    assertNull(got.get(r)[2]);
                    assertNull(got.get(r)[3]);
                }
                at += counts[r];
            }
        }
    }
}
